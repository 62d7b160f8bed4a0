import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors/app-error.ts';
import { DESTINATIONS, zoneContains } from '../../../shared/catalogue/destinations.ts';
import { demoProducts } from '../demo/products.ts';
import type { ProductDefinition } from '../import-product.ts';
import { discountFen, groupDiscountOf } from './group-discount.ts';
import { quote, type QuoteInput, type RatedProduct } from './quote.ts';

function rated(definition: ProductDefinition): RatedProduct {
  return { ...definition, maxTripDays: definition.maxTripDays ?? null, maxInsured: definition.maxInsured ?? 50, rating: { version: 1, hash: 'h', table: definition.rating } };
}
const product = (code: string) => rated(demoProducts.find((candidate) => candidate.code === code) as ProductDefinition);
const planCodes = (definition: RatedProduct) => (demoProducts.find((candidate) => candidate.code === definition.code) as ProductDefinition).plans.map((plan) => plan.code);

function errorOf(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** A valid input for a product: a covered destination, a trip length and ages within its limits. */
function validInput(definition: RatedProduct): fc.Arbitrary<QuoteInput> {
  const table = definition.rating.table;
  const covered = DESTINATIONS.filter((destination) => (table.basis === 'trip' ? table.zones : definition.zones).some((zone) => zoneContains(zone, destination)));
  const maxDays = definition.maxTripDays ?? definition.maxDays;
  const minDays = definition.maxTripDays === null ? definition.minDays : 1;
  return fc.record({
    destinations: fc.constantFrom(...covered).map((destination) => [destination.code]),
    days: fc.integer({ min: minDays, max: maxDays }),
    ages: fc.array(fc.integer({ min: definition.minAge, max: definition.maxAge }), { minLength: 1, maxLength: 12 }),
    occupationClass: table.basis === 'occupation' ? fc.constantFrom(...table.classes) : fc.constant(undefined),
  });
}

const everyProduct = fc.constantFrom(...demoProducts.map(rated));
const productAndInput = everyProduct.chain((definition) => fc.tuple(fc.constant(definition), fc.constantFrom(...planCodes(definition)), validInput(definition)));

describe('quote (R-POL-3)', () => {
  it('R-POL-3 prices two adults for 10 days in the Schengen area from the table, in integer fen', () => {
    const result = quote(product('schengen-visa'), { code: 'standard' }, { destinations: ['FR', 'IT'], days: 10, ages: [34, 36] });
    // Band 8–10 days, adult: ¥33 × 1.4 (Schengen) × 1 (standard) = ¥46.2 → ¥46.
    expect(result).toMatchObject({ zone: 'schengen', days: 10, subtotalFen: 9_200, discountBps: 0, discountFen: 0, totalFen: 9_200, ratingVersion: 1 });
    expect(result.lines).toEqual([
      { position: 0, age: 34, premiumFen: 4_600 },
      { position: 1, age: 36, premiumFen: 4_600 },
    ]);
  });

  it('R-POL-3 prices a trip in the narrowest zone that holds every destination', () => {
    const global = product('global-explorer');
    expect(quote(global, { code: 'standard' }, { destinations: ['JP'], days: 7, ages: [30] }).zone).toBe('asia');
    expect(quote(global, { code: 'standard' }, { destinations: ['JP', 'FR'], days: 7, ages: [30] }).zone).toBe('worldwide_ex_us_ca');
    expect(quote(global, { code: 'standard' }, { destinations: ['JP', 'US'], days: 7, ages: [30] }).zone).toBe('worldwide');
  });

  it('R-POL-3 applies the group discount from 5 and from 10 insured persons, rounded half up to the fen', () => {
    const domestic = product('domestic-travel');
    const ages = (count: number) => Array.from({ length: count }, () => 30);
    expect(quote(domestic, { code: 'basic' }, { destinations: ['CN'], days: 3, ages: ages(4) }).discountBps).toBe(0);
    const five = quote(domestic, { code: 'basic' }, { destinations: ['CN'], days: 3, ages: ages(5) });
    expect(five).toMatchObject({ subtotalFen: 2_500, discountBps: 500, discountFen: 125, totalFen: 2_375 });
    expect(quote(domestic, { code: 'basic' }, { destinations: ['CN'], days: 3, ages: ages(10) })).toMatchObject({ subtotalFen: 5_000, discountBps: 1_000, discountFen: 500, totalFen: 4_500 });
    expect(discountFen(1_001, 500)).toBe(50); // 50.05 → 50
    expect(discountFen(1_010, 500)).toBe(51); // 50.5 → 51
    expect(groupDiscountOf([{ minInsured: 5, bps: 500 }, { minInsured: 10, bps: 1000 }], 12)).toBe(1000);
  });

  it('R-POL-3 prices accident cover by occupation class and yearly products by age band, for their term', () => {
    expect(quote(product('accident-plus'), { code: 'sum-300k' }, { ages: [40], occupationClass: 4 })).toMatchObject({ totalFen: 33_600, days: 365, zone: null, occupationClass: 4 });
    expect(quote(product('million-medical'), { code: 'standard' }, { ages: [28] }).totalFen).toBe(21_000);
    expect(quote(product('annual-multi-trip'), { code: 'premium' }, { destinations: ['US'], days: 60, ages: [45] }).totalFen).toBe(112_000);
  });

  it('R-POL-3 refuses out-of-range input with specific codes naming the limits', () => {
    const schengen = product('schengen-visa');
    const tooLong = errorOf(() => quote(schengen, { code: 'standard' }, { destinations: ['FR'], days: 93, ages: [30] }));
    expect(tooLong).toMatchObject({ code: 'quote_days_out_of_range', params: { min: 1, max: 92 } });
    expect(tooLong.userMessage('zh-CN')).toBe('本产品的保障天数须在 1 至 92 天之间。');
    const tooOld = errorOf(() => quote(schengen, { code: 'standard' }, { destinations: ['FR'], days: 10, ages: [30, 81] }));
    expect(tooOld).toMatchObject({ code: 'quote_age_out_of_range', params: { min: 0, max: 80, position: 2 } });
    expect(tooOld.errors).toEqual([{ pointer: '/body/ages/1', detail: '0–80' }]);
    expect(tooOld.userMessage('en')).toBe('This product covers insured persons aged 0 to 80; insured person 2 is outside that range.');
    expect(errorOf(() => quote(schengen, { code: 'standard' }, { destinations: ['XX'], days: 10, ages: [30] })).code).toBe('quote_unknown_destination');
    expect(errorOf(() => quote(schengen, { code: 'standard' }, { destinations: ['JP'], days: 10, ages: [30] }))).toMatchObject({ code: 'quote_destination_not_covered', params: { destination: 'JP' } });
    expect(errorOf(() => quote(schengen, { code: 'standard' }, { days: 10, ages: [30] })).code).toBe('quote_destination_required');
    expect(errorOf(() => quote(schengen, { code: 'standard' }, { destinations: ['FR'], days: 10, ages: [] })).code).toBe('quote_insured_count');
    expect(errorOf(() => quote(product('senior-accident'), { code: 'standard' }, { ages: [60], occupationClass: 5 }))).toMatchObject({ code: 'quote_occupation_not_covered', params: { max: 3 } });
    expect(errorOf(() => quote(product('accident-plus'), { code: 'sum-100k' }, { ages: [60] })).code).toBe('quote_occupation_required');
    expect(errorOf(() => quote(product('annual-multi-trip'), { code: 'standard' }, { days: 91, ages: [30] })).params).toEqual({ min: 1, max: 90 });
    expect(errorOf(() => quote(product('million-medical'), { code: 'standard' }, { destinations: ['FR'], ages: [30] })).code).toBe('quote_destination_not_covered');
  });

  it('R-POL-3 property: a premium is never negative and the total is the sum of the lines minus the discount', () => {
    fc.assert(
      fc.property(productAndInput, ([definition, planCode, input]) => {
        const result = quote(definition, { code: planCode }, input);
        const subtotal = result.lines.reduce((sum, line) => sum + line.premiumFen, 0);
        expect(result.lines.every((line) => Number.isInteger(line.premiumFen) && line.premiumFen >= 0)).toBe(true);
        expect(result.subtotalFen).toBe(subtotal);
        expect(result.discountFen).toBe(discountFen(subtotal, groupDiscountOf(definition.rating.table.groupDiscounts, input.ages.length)));
        expect(result.totalFen).toBe(subtotal - result.discountFen);
        expect(result.totalFen).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(result.totalFen)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('R-POL-3 property: the same input always gives the same price', () => {
    fc.assert(
      fc.property(productAndInput, ([definition, planCode, input]) => {
        expect(quote(definition, { code: planCode }, input)).toEqual(quote(structuredClone(definition), { code: planCode }, structuredClone(input)));
      }),
      { numRuns: 200 },
    );
  });

  it('R-POL-3 property: a longer trip never costs less', () => {
    const trips = fc.constantFrom(...demoProducts.map(rated).filter((definition) => definition.rating.table.basis === 'trip'));
    fc.assert(
      fc.property(
        trips.chain((definition) => fc.tuple(fc.constant(definition), fc.constantFrom(...planCodes(definition)), validInput(definition), fc.integer({ min: definition.minDays, max: definition.maxDays }))),
        ([definition, planCode, input, otherDays]) => {
          const [shorter, longer] = [Math.min(input.days ?? 1, otherDays), Math.max(input.days ?? 1, otherDays)];
          expect(quote(definition, { code: planCode }, { ...input, days: shorter }).totalFen).toBeLessThanOrEqual(quote(definition, { code: planCode }, { ...input, days: longer }).totalFen);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('R-POL-3 property: across a product’s plans, more sum insured never costs less', () => {
    fc.assert(
      fc.property(productAndInput, ([definition, , input]) => {
        const plans = (demoProducts.find((candidate) => candidate.code === definition.code) as ProductDefinition).plans;
        const totals = plans.map((plan) => quote(definition, { code: plan.code }, input).totalFen);
        for (let level = 1; level < plans.length; level += 1) {
          const lower = plans[level - 1]?.coverages ?? [];
          const higher = plans[level]?.coverages ?? [];
          // The higher plan insures every item of the lower one with at least its sum …
          expect(lower.every((row) => (higher.find((candidate) => candidate.item === row.item)?.sumInsuredFen ?? -1) >= row.sumInsuredFen)).toBe(true);
          // … and is never cheaper.
          expect(totals[level]).toBeGreaterThanOrEqual(totals[level - 1] as number);
        }
      }),
      { numRuns: 300 },
    );
  });
});
