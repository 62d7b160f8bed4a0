import { ApiError } from '../api/apiError';
import type { DateChangeOptions, DateChangeStatus, TripDates } from '../api/dateChanges';
import { tripDays } from '../catalogue/format';
import { termEnd } from './applicationForm';

/** What a change of dates means for the money: more to pay, some back, or nothing. */
export type DifferenceKind = 'extra' | 'refund' | 'same';

/** The kind of a premium difference (new premium minus the one paid) and the amount to name, never negative. */
export function differenceOf(differenceFen: number): { kind: DifferenceKind; amountFen: number } {
  if (differenceFen > 0) return { kind: 'extra', amountFen: differenceFen };
  if (differenceFen < 0) return { kind: 'refund', amountFen: -differenceFen };
  return { kind: 'same', amountFen: 0 };
}

/** The bounds of the two date boxes: the start within the server's window, the end within the product's days from that start. */
export function dateLimits(options: Pick<DateChangeOptions, 'earliestStart' | 'latestStart' | 'minDays' | 'maxDays'>, coverStart: string) {
  const start = tripDays(options.earliestStart, coverStart) !== null && tripDays(coverStart, options.latestStart) !== null ? coverStart : options.earliestStart;
  return { startMin: options.earliestStart, startMax: options.latestStart, endMin: termEnd(start, options.minDays), endMax: termEnd(start, options.maxDays) };
}

/** The dates to price: both given, in order and not the policy's own; null otherwise (nothing to ask the server). */
export function datesToQuote(chosen: TripDates, current: TripDates): TripDates | null {
  if (tripDays(chosen.coverStart, chosen.coverEnd) === null) return null;
  if (chosen.coverStart === current.coverStart && chosen.coverEnd === current.coverEnd) return null;
  return { coverStart: chosen.coverStart, coverEnd: chosen.coverEnd };
}

/** One confirmation as sent: its body and the idempotency key it went with. */
export interface Attempt {
  body: string | null;
  key: string;
}

/**
 * The key for sending `body`: the same as last time when the body is the same (a retry after a lost
 * answer must not change the dates twice), a new one when the person confirms something else (other
 * dates, or the new price after it changed) — the server would rightly refuse one key for two requests.
 */
export function attemptFor(previous: Attempt, body: string, newKey: () => string): Attempt {
  if (previous.body === null || previous.body === body) return { body, key: previous.key };
  return { body, key: newKey() };
}

/** While the date change page should ask again: the extra premium is not confirmed yet, or the insurer is endorsing. */
export function isSettling(status: DateChangeStatus): boolean {
  return status === 'awaiting_payment' || status === 'paid';
}

// The request's boxes are coverStart and coverEnd; the shared check of cover dates names them as an
// application does (startDate, endDate).
const BOX_OF_POINTER: ReadonlyArray<[RegExp, keyof TripDates]> = [
  [/\/(coverStart|startDate)$/, 'coverStart'],
  [/\/(coverEnd|endDate)$/, 'coverEnd'],
];

/** The server's words about each date box, from any of the failures given, each text once. */
export function dateProblemsOf(errors: readonly unknown[]): Record<keyof TripDates, string[]> {
  const problems: Record<keyof TripDates, Set<string>> = { coverStart: new Set(), coverEnd: new Set() };
  for (const error of errors) {
    if (!(error instanceof ApiError)) continue;
    for (const { pointer, detail } of error.fieldErrors) {
      const box = BOX_OF_POINTER.find(([pattern]) => pattern.test(pointer))?.[1];
      if (box) problems[box].add(detail);
    }
  }
  return { coverStart: [...problems.coverStart], coverEnd: [...problems.coverEnd] };
}
