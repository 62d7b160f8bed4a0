/** "JBSWY3DPEHPK3PXP" → ["JBSW", "Y3DP", "EHPK", "3PXP"]: groups of four are easier to type into an app by hand. */
export function secretGroups(secret: string, size = 4): string[] {
  const groups: string[] = [];
  for (let index = 0; index < secret.length; index += size) groups.push(secret.slice(index, index + size));
  return groups;
}
