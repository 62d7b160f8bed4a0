import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRatingTable, tilingProblems } from './check-rating-table.ts';
import { quote, type RatedProduct } from './quote.ts';
import type { TripRating } from './rating-table.ts';

const limits = { zones: ['asia' as const], minDays: 1, maxDays: 10, minAge: 0, maxAge: 80, planCodes: ['basic', 'plus'] };
const table = (premiums: TripRating['premiums'], overrides: Partial<TripRating> = {}): TripRating => ({
  basis: 'trip',
  zones: ['asia'],
  dayBands: [
    { min: 1, max: 5 },
    { min: 6, max: 10 },
  ],
  ageBands: [
    { min: 0, max: 60 },
    { min: 61, max: 80 },
  ],
  premiums,
  groupDiscounts: [{ minInsured: 5, bps: 500 }],
  ...overrides,
});
const good = { basic: { asia: [[100, 200], [150, 300]] }, plus: { asia: [[120, 240], [180, 360]] } };

describe('rating table checks (R-POL-3)', () => {
  it('R-POL-3 accepts a complete, monotone table', () => {
    expect(checkRatingTable(table(good), limits)).toEqual([]);
  });

  it('R-POL-3 finds gaps, overlaps, missing cells, falling prices, cheaper higher plans and fractions of a fen', () => {
    expect(tilingProblems('/d', [{ min: 1, max: 4 }, { min: 6, max: 10 }], 1, 10)).toEqual([{ pointer: '/d/1', detail: 'expected to start at 5' }]);
    expect(tilingProblems('/d', [{ min: 1, max: 5 }, { min: 5, max: 10 }], 1, 10)).toHaveLength(1);
    expect(tilingProblems('/d', [{ min: 1, max: 8 }], 1, 10)).toEqual([{ pointer: '/d', detail: 'expected to end at 10' }]);
    expect(checkRatingTable(table({ basic: good.basic }), limits)[0]?.pointer).toBe('/rating/premiums');
    expect(checkRatingTable(table({ ...good, plus: { asia: [[120, 240]] } }), limits)[0]?.detail).toBe('expected 2×2');
    expect(checkRatingTable(table({ ...good, basic: { asia: [[100, 200], [90, 300]] } }), limits).map((problem) => problem.detail)).toContain('falls with more days (age band 0)');
    expect(checkRatingTable(table({ ...good, plus: { asia: [[99, 240], [180, 360]] } }), limits).map((problem) => problem.detail)).toContain('plus costs less than basic');
    expect(checkRatingTable(table({ ...good, basic: { asia: [[100.5, 200], [150, 300]] } }), limits)[0]?.pointer).toMatch(/^\/rating/);
    expect(checkRatingTable(table(good, { zones: ['worldwide'] }), limits).map((problem) => problem.pointer)).toContain('/rating/zones');
    expect(checkRatingTable(table(good, { groupDiscounts: [{ minInsured: 5, bps: 500 }, { minInsured: 4, bps: 900 }] }), limits)[0]?.pointer).toBe('/rating/groupDiscounts/1');
  });

  it('R-POL-3 property: any table the check accepts prices monotonically in days and in plan, and never below zero', () => {
    // Small values, so that a fair share of random grids happens to pass the check and gets priced.
    const cell = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 5_000 }));
    const grid = fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(grid, grid, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 1, maxLength: 6 }), (basic, plus, a, b, ages) => {
        const candidate = table({ basic: { asia: basic }, plus: { asia: plus } });
        fc.pre(checkRatingTable(candidate, limits).length === 0);
        const product: RatedProduct = { code: 'p', type: 'outbound_travel', ...limits, maxTripDays: null, maxInsured: 10, rating: { version: 1, hash: 'h', table: candidate } };
        const price = (plan: string, days: number) => quote(product, { code: plan }, { destinations: ['TH'], days, ages }).totalFen;
        const [shorter, longer] = [Math.min(a, b), Math.max(a, b)];
        expect(price('basic', shorter)).toBeLessThanOrEqual(price('basic', longer));
        expect(price('basic', longer)).toBeLessThanOrEqual(price('plus', longer));
        expect(price('basic', shorter)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200, maxSkipsPerRun: 1_000 },
    );
    // Most random grids fail the check and are skipped: some seconds of work, more on a busy machine.
  }, 30_000);
});
