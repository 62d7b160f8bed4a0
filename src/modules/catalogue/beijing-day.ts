/** A calendar day in Beijing (YYYY-MM-DD): search statistics count days, and departures are Beijing dates. */
export function beijingDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
