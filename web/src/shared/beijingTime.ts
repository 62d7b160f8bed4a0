import { DISPLAY_TIME_ZONE } from './formatDateTime';

const BEIJING_OFFSET = '+08:00';

/** Today's calendar date in Beijing ("2025-03-01"), which is what contract dates in China refer to. */
export function beijingToday(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The instant meant by a date-and-time input ("2025-03-01T14:05", no zone) read as Beijing time, as
 * ISO 8601 for the API; undefined for an empty or unreadable value. The inputs are labelled Beijing
 * time so that what people type matches the times the console shows, whatever the device's zone.
 */
export function beijingInputToIso(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}${match[3] ?? ':00'}${BEIJING_OFFSET}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
