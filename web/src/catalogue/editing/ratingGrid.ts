import type { Band, GroupDiscount, RatingTable } from '../../../../src/modules/catalogue/rating/rating-table.ts';
import type { Zone } from '../../../../src/shared/catalogue/destinations.ts';

/**
 * The rating table as the console's grid edits it (R-POL-3). Each change returns a new table, so the
 * page keeps what was loaded and what is being edited apart. Bands stay contiguous by construction:
 * an edit sets where a band ends and the next one starts right after; adding a band appends one
 * after the last (its premiums copied from the last), removing one lets its neighbour take its
 * range. Whether the bands reach the product's limits, and every other rule, the server checks.
 */
export type BandAxis = 'dayBands' | 'ageBands';

/** One premium: trips by plan, zone, day band (row) and age band (column); other bases by plan and row. */
export interface PremiumCell {
  plan: string;
  zone?: Zone;
  row: number;
  column?: number;
}

export function bandsOf(table: RatingTable, axis: BandAxis): Band[] {
  if (axis === 'dayBands') return table.basis === 'trip' ? table.dayBands : [];
  return table.basis === 'occupation' ? [] : table.ageBands;
}

export function premiumAt(table: RatingTable, cell: PremiumCell): number | undefined {
  if (table.basis === 'trip') return cell.zone === undefined ? undefined : table.premiums[cell.plan]?.[cell.zone]?.[cell.row]?.[cell.column ?? 0];
  return table.premiums[cell.plan]?.[cell.row];
}

export function setPremium(table: RatingTable, cell: PremiumCell, fen: number): RatingTable {
  const next = structuredClone(table);
  if (next.basis === 'trip') {
    const row = cell.zone === undefined ? undefined : next.premiums[cell.plan]?.[cell.zone]?.[cell.row];
    if (row) row[cell.column ?? 0] = fen;
    return next;
  }
  const list = next.premiums[cell.plan];
  if (list) list[cell.row] = fen;
  return next;
}

/** Band `index` ends at `max`; the band after it starts the day (or year of age) after. */
export function setBandEnd(table: RatingTable, axis: BandAxis, index: number, max: number): RatingTable {
  const next = structuredClone(table);
  const bands = bandsOf(next, axis);
  const band = bands[index];
  if (!band) return table;
  band.max = max;
  const following = bands[index + 1];
  if (following) following.min = max + 1;
  return next;
}

/** A band after the last, one unit wide, priced like the last until edited. */
export function addBand(table: RatingTable, axis: BandAxis): RatingTable {
  const next = structuredClone(table);
  const bands = bandsOf(next, axis);
  const last = bands.at(-1);
  if (!last) return table;
  bands.push({ min: last.max + 1, max: last.max + 1 });
  eachPremiumList(next, axis, (list) => list.push(structuredClone(list.at(-1) as never)));
  return next;
}

/** Removes a band (never the only one); the band before it (or, for the first, after it) takes its range. */
export function removeBand(table: RatingTable, axis: BandAxis, index: number): RatingTable {
  const next = structuredClone(table);
  const bands = bandsOf(next, axis);
  const removed = bands[index];
  if (!removed || bands.length === 1) return table;
  const before = bands[index - 1];
  const after = bands[index + 1];
  if (before) before.max = removed.max;
  else if (after) after.min = removed.min;
  bands.splice(index, 1);
  eachPremiumList(next, axis, (list) => list.splice(index, 1));
  return next;
}

export function setGroupDiscounts(table: RatingTable, groupDiscounts: GroupDiscount[]): RatingTable {
  return { ...structuredClone(table), groupDiscounts: groupDiscounts.map((step) => ({ ...step })) };
}

/** Every list of premiums indexed along `axis`: rows of each trip grid for day bands, its rows' cells for age bands. */
function eachPremiumList(table: RatingTable, axis: BandAxis, change: (list: unknown[]) => void): void {
  if (table.basis === 'trip') {
    for (const byZone of Object.values(table.premiums)) {
      for (const grid of Object.values(byZone)) {
        if (axis === 'dayBands') change(grid);
        else for (const row of grid) change(row);
      }
    }
    return;
  }
  for (const list of Object.values(table.premiums)) change(list);
}

/**
 * The table with premiums for exactly the product's plans, in their order: a plan added since the
 * table was saved starts as a copy of the plan before it (so it is never cheaper), a removed plan's
 * premiums go. The server refuses a table whose plans differ from the product's.
 */
export function withPlans(table: RatingTable, planCodes: readonly string[]): RatingTable {
  const next = structuredClone(table);
  const premiums = next.premiums as Record<string, unknown>;
  const fallback = Object.values(premiums)[0];
  const kept = new Map(Object.entries(premiums));
  for (const key of Object.keys(premiums)) delete premiums[key];
  let previous = fallback;
  for (const plan of planCodes) {
    const own = kept.get(plan);
    premiums[plan] = own ?? structuredClone(previous);
    previous = premiums[plan];
  }
  return next;
}

/** The problems the server pointed at this part of the table (`/rating/premiums/standard/schengen` …). */
export function problemsUnder<T extends { pointer: string }>(problems: readonly T[], pointer: string): T[] {
  return problems.filter((problem) => problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`));
}
