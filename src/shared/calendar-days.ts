// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date ('YYYY-MM-DD'); the caller has checked it is one. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The calendar date `days` after (or, negative, before) `date`. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Days of a period, both ends included (a trip from the 1st to the 3rd lasts 3 days). */
export function daysOfPeriod(first: string, last: string): number {
  return dayNumber(last) - dayNumber(first) + 1;
}
