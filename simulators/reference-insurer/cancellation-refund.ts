import { daysBetween } from './calendar.ts';

export interface RefundBasis {
  coverStart: string;
  coverEnd: string;
  premiumFen: number;
}

/**
 * The reference insurer's refund rule: cancelled on or before the first day of cover, the whole
 * premium; later, the share of the days no longer covered (from the effective date to the last day,
 * both included), rounded down to the fen so the insurer never refunds more than it received.
 */
export function cancellationRefundFen(policy: RefundBasis, effectiveDate: string): number {
  const coverDays = daysBetween(policy.coverStart, policy.coverEnd) + 1;
  const unusedDays = Math.min(coverDays, daysBetween(effectiveDate, policy.coverEnd) + 1);
  if (unusedDays <= 0) return 0;
  return Math.floor((policy.premiumFen * unusedDays) / coverDays);
}
