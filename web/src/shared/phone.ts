/** tel: URI for a displayed number such as "400-996-0007"; separators are dropped, a leading + kept. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
