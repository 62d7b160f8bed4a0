import { Value } from 'typebox/value';
import type { FieldProblem } from '../../../errors/app-error.ts';
import type { Zone } from '../../../shared/catalogue/destinations.ts';
import { RatingTableSchema, type Band, type RatingTable } from './rating-table.ts';

export interface RatingLimits {
  zones: readonly Zone[];
  minDays: number;
  maxDays: number;
  minAge: number;
  maxAge: number;
  /** Plan codes from the lowest level to the highest. */
  planCodes: readonly string[];
}

/**
 * Everything a rating table must satisfy before a product using it can be published (R-POL-3):
 * its shape; bands that tile the product's limits without gaps or overlaps; exactly one premium per
 * plan and cell; premiums that never fall as the trip gets longer or as the plan (and with it every
 * sum insured) gets higher; and group discounts that grow with the group. Returns the problems found.
 */
export function checkRatingTable(table: unknown, limits: RatingLimits): FieldProblem[] {
  if (!Value.Check(RatingTableSchema, table)) {
    return [...Value.Errors(RatingTableSchema, table)].slice(0, 5).map((error) => ({ pointer: `/rating${error.instancePath}`, detail: error.message }));
  }
  const rating = table as RatingTable;
  const problems: FieldProblem[] = [];
  const premiumPlans = Object.keys(rating.premiums).sort();
  if (premiumPlans.join() !== [...limits.planCodes].sort().join()) {
    problems.push({ pointer: '/rating/premiums', detail: `plans ${premiumPlans.join(',')} ≠ ${[...limits.planCodes].sort().join(',')}` });
    return problems;
  }
  checkDiscounts(rating, problems);
  if (rating.basis === 'trip') {
    for (const zone of rating.zones) if (!limits.zones.includes(zone)) problems.push({ pointer: '/rating/zones', detail: `${zone} outside the product's territory` });
    problems.push(...tilingProblems('/rating/dayBands', rating.dayBands, limits.minDays, limits.maxDays));
    problems.push(...tilingProblems('/rating/ageBands', rating.ageBands, limits.minAge, limits.maxAge));
    if (problems.length > 0) return problems;
    // Grids as [plan][zone][day band][age band]; every cell exists.
    for (const plan of limits.planCodes) {
      for (const zone of rating.zones) {
        const grid = rating.premiums[plan]?.[zone];
        const isComplete = grid !== undefined && grid.length === rating.dayBands.length && grid.every((row) => row.length === rating.ageBands.length);
        if (!isComplete) problems.push({ pointer: `/rating/premiums/${plan}/${zone}`, detail: `expected ${rating.dayBands.length}×${rating.ageBands.length}` });
      }
    }
    if (problems.length > 0) return problems;
    for (const zone of rating.zones) {
      rating.ageBands.forEach((_band, age) => {
        const byPlan = limits.planCodes.map((plan) => rating.dayBands.map((_day, day) => rating.premiums[plan]?.[zone]?.[day]?.[age] ?? 0));
        byPlan.forEach((byDay, planIndex) => {
          if (!isNonDecreasing(byDay)) problems.push({ pointer: `/rating/premiums/${limits.planCodes[planIndex]}/${zone}`, detail: `falls with more days (age band ${age})` });
        });
        checkAcrossPlans(byPlan, limits.planCodes, `/rating/premiums/*/${zone}`, problems);
      });
    }
    return problems;
  }
  if (rating.basis === 'occupation') {
    const sorted = [...rating.classes].sort((a, b) => a - b);
    if (new Set(sorted).size !== sorted.length || sorted.join() !== rating.classes.join()) problems.push({ pointer: '/rating/classes', detail: 'ascending and distinct' });
    for (const plan of limits.planCodes) if (rating.premiums[plan]?.length !== rating.classes.length) problems.push({ pointer: `/rating/premiums/${plan}`, detail: `expected ${rating.classes.length}` });
    if (problems.length > 0) return problems;
    checkAcrossPlans(limits.planCodes.map((plan) => rating.premiums[plan] ?? []), limits.planCodes, '/rating/premiums', problems);
    return problems;
  }
  problems.push(...tilingProblems('/rating/ageBands', rating.ageBands, limits.minAge, limits.maxAge));
  for (const plan of limits.planCodes) if (rating.premiums[plan]?.length !== rating.ageBands.length) problems.push({ pointer: `/rating/premiums/${plan}`, detail: `expected ${rating.ageBands.length}` });
  if (problems.length > 0) return problems;
  checkAcrossPlans(limits.planCodes.map((plan) => rating.premiums[plan] ?? []), limits.planCodes, '/rating/premiums', problems);
  return problems;
}

/** Bands in order, each min ≤ max, the first starting at `min`, each next one right after, the last ending at `max`. */
export function tilingProblems(pointer: string, bands: readonly Band[], min: number, max: number): FieldProblem[] {
  let expected = min;
  for (const [index, band] of bands.entries()) {
    if (band.min !== expected || band.max < band.min) return [{ pointer: `${pointer}/${index}`, detail: `expected to start at ${expected}` }];
    expected = band.max + 1;
  }
  return expected - 1 === max ? [] : [{ pointer, detail: `expected to end at ${max}` }];
}

/** Per cell, a higher plan never costs less than a lower one. */
function checkAcrossPlans(byPlan: number[][], planCodes: readonly string[], pointer: string, problems: FieldProblem[]): void {
  for (let plan = 1; plan < byPlan.length; plan += 1) {
    const lower = byPlan[plan - 1] ?? [];
    const higher = byPlan[plan] ?? [];
    if (higher.some((premium, cell) => premium < (lower[cell] ?? 0))) problems.push({ pointer, detail: `${planCodes[plan]} costs less than ${planCodes[plan - 1]}` });
  }
}

function checkDiscounts(rating: RatingTable, problems: FieldProblem[]): void {
  rating.groupDiscounts.forEach((step, index) => {
    const previous = rating.groupDiscounts[index - 1];
    if (previous && (step.minInsured <= previous.minInsured || step.bps <= previous.bps)) problems.push({ pointer: `/rating/groupDiscounts/${index}`, detail: 'steps grow with the group' });
  });
}

function isNonDecreasing(values: readonly number[]): boolean {
  return values.every((value, index) => index === 0 || value >= (values[index - 1] ?? 0));
}
