import { Value } from 'typebox/value';
import type { FieldProblem } from '../../../errors/app-error.ts';
import type { Language } from '../../../errors/error-codes.ts';
import { sayIn, type Say } from '../in-language.ts';
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
export function checkRatingTable(table: unknown, limits: RatingLimits, language: Language = 'en'): FieldProblem[] {
  const say = sayIn(language);
  if (!Value.Check(RatingTableSchema, table)) {
    return [...Value.Errors(RatingTableSchema, table)].slice(0, 5).map((error) => ({ pointer: `/rating${error.instancePath}`, detail: say(`格式不符：${error.message}`, error.message) }));
  }
  const rating = table as RatingTable;
  const problems: FieldProblem[] = [];
  const premiumPlans = Object.keys(rating.premiums).sort();
  if (premiumPlans.join() !== [...limits.planCodes].sort().join()) {
    const planCodes = [...limits.planCodes].sort().join(',');
    problems.push({ pointer: '/rating/premiums', detail: say(`费率表的方案 ${premiumPlans.join(',')} 与产品的方案 ${planCodes} 不一致`, `plans ${premiumPlans.join(',')} ≠ ${planCodes}`) });
    return problems;
  }
  checkDiscounts(rating, problems, say);
  if (rating.basis === 'trip') {
    for (const zone of rating.zones) if (!limits.zones.includes(zone)) problems.push({ pointer: '/rating/zones', detail: say(`${zone} 不在产品的保障区域内`, `${zone} outside the product's territory`) });
    problems.push(...tilingProblems('/rating/dayBands', rating.dayBands, limits.minDays, limits.maxDays, language));
    problems.push(...tilingProblems('/rating/ageBands', rating.ageBands, limits.minAge, limits.maxAge, language));
    if (problems.length > 0) return problems;
    // Grids as [plan][zone][day band][age band]; every cell exists.
    for (const plan of limits.planCodes) {
      for (const zone of rating.zones) {
        const grid = rating.premiums[plan]?.[zone];
        const isComplete = grid !== undefined && grid.length === rating.dayBands.length && grid.every((row) => row.length === rating.ageBands.length);
        if (!isComplete) problems.push({ pointer: `/rating/premiums/${plan}/${zone}`, detail: say(`应为 ${rating.dayBands.length}×${rating.ageBands.length} 个保费`, `expected ${rating.dayBands.length}×${rating.ageBands.length}`) });
      }
    }
    if (problems.length > 0) return problems;
    for (const zone of rating.zones) {
      rating.ageBands.forEach((_band, age) => {
        const byPlan = limits.planCodes.map((plan) => rating.dayBands.map((_day, day) => rating.premiums[plan]?.[zone]?.[day]?.[age] ?? 0));
        byPlan.forEach((byDay, planIndex) => {
          if (!isNonDecreasing(byDay)) problems.push({ pointer: `/rating/premiums/${limits.planCodes[planIndex]}/${zone}`, detail: say(`天数越长保费不能越低（第 ${age + 1} 个年龄档）`, `falls with more days (age band ${age})`) });
        });
        checkAcrossPlans(byPlan, limits.planCodes, `/rating/premiums/*/${zone}`, problems, say);
      });
    }
    return problems;
  }
  if (rating.basis === 'occupation') {
    const sorted = [...rating.classes].sort((a, b) => a - b);
    if (new Set(sorted).size !== sorted.length || sorted.join() !== rating.classes.join()) problems.push({ pointer: '/rating/classes', detail: say('职业类别须从小到大且不重复', 'ascending and distinct') });
    for (const plan of limits.planCodes) if (rating.premiums[plan]?.length !== rating.classes.length) problems.push({ pointer: `/rating/premiums/${plan}`, detail: say(`应有 ${rating.classes.length} 个保费`, `expected ${rating.classes.length}`) });
    if (problems.length > 0) return problems;
    checkAcrossPlans(limits.planCodes.map((plan) => rating.premiums[plan] ?? []), limits.planCodes, '/rating/premiums', problems, say);
    return problems;
  }
  problems.push(...tilingProblems('/rating/ageBands', rating.ageBands, limits.minAge, limits.maxAge, language));
  for (const plan of limits.planCodes) if (rating.premiums[plan]?.length !== rating.ageBands.length) problems.push({ pointer: `/rating/premiums/${plan}`, detail: say(`应有 ${rating.ageBands.length} 个保费`, `expected ${rating.ageBands.length}`) });
  if (problems.length > 0) return problems;
  checkAcrossPlans(limits.planCodes.map((plan) => rating.premiums[plan] ?? []), limits.planCodes, '/rating/premiums', problems, say);
  return problems;
}

/** Bands in order, each min ≤ max, the first starting at `min`, each next one right after, the last ending at `max`. */
export function tilingProblems(pointer: string, bands: readonly Band[], min: number, max: number, language: Language = 'en'): FieldProblem[] {
  const say = sayIn(language);
  let expected = min;
  for (const [index, band] of bands.entries()) {
    if (band.min !== expected || band.max < band.min) return [{ pointer: `${pointer}/${index}`, detail: say(`应从 ${expected} 开始，且不小于起点`, `expected to start at ${expected}`) }];
    expected = band.max + 1;
  }
  return expected - 1 === max ? [] : [{ pointer, detail: say(`最后一档应到 ${max} 为止`, `expected to end at ${max}`) }];
}

/** Per cell, a higher plan never costs less than a lower one. */
function checkAcrossPlans(byPlan: number[][], planCodes: readonly string[], pointer: string, problems: FieldProblem[], say: Say): void {
  for (let plan = 1; plan < byPlan.length; plan += 1) {
    const lower = byPlan[plan - 1] ?? [];
    const higher = byPlan[plan] ?? [];
    if (higher.some((premium, cell) => premium < (lower[cell] ?? 0))) problems.push({ pointer, detail: say(`${planCodes[plan]} 方案的保费低于 ${planCodes[plan - 1]} 方案`, `${planCodes[plan]} costs less than ${planCodes[plan - 1]}`) });
  }
}

function checkDiscounts(rating: RatingTable, problems: FieldProblem[], say: Say): void {
  rating.groupDiscounts.forEach((step, index) => {
    const previous = rating.groupDiscounts[index - 1];
    if (previous && (step.minInsured <= previous.minInsured || step.bps <= previous.bps)) problems.push({ pointer: `/rating/groupDiscounts/${index}`, detail: say('人数和折扣须逐档增加', 'steps grow with the group') });
  });
}

function isNonDecreasing(values: readonly number[]): boolean {
  return values.every((value, index) => index === 0 || value >= (values[index - 1] ?? 0));
}
