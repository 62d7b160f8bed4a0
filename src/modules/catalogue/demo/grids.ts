import type { Zone } from '../../../shared/catalogue/destinations.ts';
import type { Band } from '../rating/rating-table.ts';

/** Inclusive bands from their upper ends: bands(1, [3, 7, 10]) → 1–3, 4–7, 8–10. */
export function bands(start: number, upperEnds: readonly number[]): Band[] {
  return upperEnds.map((max, index) => ({ min: index === 0 ? start : (upperEnds[index - 1] as number) + 1, max }));
}

/** Whole yuan to fen. Factors multiply first, then the price is rounded to the yuan — rounding keeps the order of prices. */
export const yuan = (amount: number) => Math.round(amount) * 100;

/**
 * A trip grid [day band][age band] in fen: a base price per day band (adult, factor 1) times an age
 * factor, a zone factor and a plan factor. Bases that rise with the days and factors ≥ the lower
 * plan's keep the table monotone.
 */
export function tripGrid(basePerDayBand: readonly number[], ageFactors: readonly number[], factor: number): number[][] {
  return basePerDayBand.map((base) => ageFactors.map((ageFactor) => yuan(base * ageFactor * factor)));
}

export function tripPremiums(
  plans: Record<string, number>,
  zones: Partial<Record<Zone, number>>,
  basePerDayBand: readonly number[],
  ageFactors: readonly number[],
): Record<string, Record<string, number[][]>> {
  return Object.fromEntries(
    Object.entries(plans).map(([plan, planFactor]) => [
      plan,
      Object.fromEntries(Object.entries(zones).map(([zone, zoneFactor]) => [zone, tripGrid(basePerDayBand, ageFactors, planFactor * (zoneFactor ?? 1))])),
    ]),
  );
}

export const TRAVEL_GROUP_DISCOUNTS = [
  { minInsured: 5, bps: 500 },
  { minInsured: 10, bps: 1000 },
];
