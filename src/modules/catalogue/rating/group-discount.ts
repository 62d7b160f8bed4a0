import type { GroupDiscount } from './rating-table.ts';

/** The discount (basis points) for a number of insured persons: the largest step reached, or none. */
export function groupDiscountOf(steps: readonly GroupDiscount[], insuredCount: number): number {
  let bps = 0;
  for (const step of steps) if (insuredCount >= step.minInsured && step.bps > bps) bps = step.bps;
  return bps;
}

/**
 * The discount on a subtotal, rounded half up to the fen, in integer arithmetic (no floating-point
 * fractions of a fen). Never more than the subtotal, never negative.
 */
export function discountFen(subtotalFen: number, bps: number): number {
  if (bps <= 0 || subtotalFen <= 0) return 0;
  return Math.min(subtotalFen, Math.floor((subtotalFen * bps + 5_000) / 10_000));
}
