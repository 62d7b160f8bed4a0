/**
 * "Chrome · macOS" from a User-Agent: enough for a person to recognise their own sessions, without
 * keeping the full header (which fingerprints the device far more precisely than that).
 */
export function describeDevice(userAgent: string | undefined): string {
  if (!userAgent) return 'unknown';
  const browser = firstMatch(userAgent, [
    [/MicroMessenger/i, 'WeChat'],
    [/Edg\//, 'Edge'],
    [/OPR\//, 'Opera'],
    [/Firefox\//, 'Firefox'],
    [/Chrome\/|Chromium\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ]);
  const system = firstMatch(userAgent, [
    [/Android/i, 'Android'],
    [/iPhone|iPad|iOS/i, 'iOS'],
    [/HarmonyOS/i, 'HarmonyOS'],
    [/Windows/i, 'Windows'],
    [/Mac OS X|Macintosh/i, 'macOS'],
    [/Linux/i, 'Linux'],
  ]);
  return `${browser ?? 'Browser'} · ${system ?? 'unknown'}`;
}

function firstMatch(text: string, rules: Array<[RegExp, string]>): string | undefined {
  return rules.find(([pattern]) => pattern.test(text))?.[1];
}

/** The network an address belongs to (/24 or /48), shown as "where" instead of the address itself. */
export function networkOf(ip: string | null): string | null {
  if (!ip) return null;
  const v4 = ip.replace(/^::ffff:/, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  const groups = ip.split(':').filter(Boolean);
  return `${groups.slice(0, 3).join(':')}::/48`;
}
