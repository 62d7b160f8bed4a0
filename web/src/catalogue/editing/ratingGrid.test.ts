import { describe, expect, it } from 'vitest';
import type { AgeRating, TripRating } from '../../../../src/modules/catalogue/rating/rating-table.ts';
import { addBand, premiumAt, problemsUnder, removeBand, setBandEnd, setGroupDiscounts, setPremium, withPlans } from './ratingGrid';

const trip: TripRating = {
  basis: 'trip',
  zones: ['asia', 'worldwide'],
  dayBands: [
    { min: 1, max: 7 },
    { min: 8, max: 30 },
  ],
  ageBands: [
    { min: 0, max: 60 },
    { min: 61, max: 80 },
  ],
  premiums: {
    basic: {
      asia: [
        [1000, 1500],
        [2000, 3000],
      ],
      worldwide: [
        [1100, 1600],
        [2100, 3100],
      ],
    },
  },
  groupDiscounts: [{ minInsured: 5, bps: 500 }],
};
const byAge: AgeRating = { basis: 'age', ageBands: [{ min: 0, max: 40 }, { min: 41, max: 65 }], premiums: { basic: [10000, 20000], plus: [15000, 30000] }, groupDiscounts: [] };

describe('the rating grid editor', () => {
  it('R-POL-3 reads and writes one premium of a trip grid without touching the loaded table', () => {
    const cell = { plan: 'basic', zone: 'worldwide' as const, row: 1, column: 0 };
    expect(premiumAt(trip, cell)).toBe(2100);
    const edited = setPremium(trip, cell, 2500);
    expect(premiumAt(edited, cell)).toBe(2500);
    expect(premiumAt(trip, cell)).toBe(2100);
    expect(premiumAt(setPremium(byAge, { plan: 'plus', row: 1 }, 31000), { plan: 'plus', row: 1 })).toBe(31000);
  });

  it('R-POL-3 keeps bands contiguous: moving an end moves the next start; adding and removing bands resizes every grid', () => {
    const moved = setBandEnd(trip, 'dayBands', 0, 10);
    expect(moved.basis === 'trip' && moved.dayBands).toEqual([
      { min: 1, max: 10 },
      { min: 11, max: 30 },
    ]);
    const added = addBand(trip, 'ageBands');
    if (added.basis !== 'trip') throw new Error('trip');
    expect(added.ageBands.at(-1)).toEqual({ min: 81, max: 81 });
    expect(added.premiums.basic?.asia).toEqual([
      [1000, 1500, 1500],
      [2000, 3000, 3000],
    ]);
    const removed = removeBand(trip, 'dayBands', 0);
    if (removed.basis !== 'trip') throw new Error('trip');
    expect(removed.dayBands).toEqual([{ min: 1, max: 30 }]);
    expect(removed.premiums.basic?.worldwide).toEqual([[2100, 3100]]);
    // The only band stays.
    expect(removeBand(removed, 'dayBands', 0)).toBe(removed);
    const fewerAges = removeBand(byAge, 'ageBands', 1);
    expect(fewerAges).toMatchObject({ ageBands: [{ min: 0, max: 65 }], premiums: { basic: [10000], plus: [15000] } });
  });

  it('replaces group discounts and finds the problems pointed at a part of the table', () => {
    expect(setGroupDiscounts(trip, [{ minInsured: 10, bps: 1000 }]).groupDiscounts).toEqual([{ minInsured: 10, bps: 1000 }]);
    const problems = [
      { pointer: '/rating/premiums/basic/asia', detail: 'falls' },
      { pointer: '/rating/premiums/basic/asian', detail: 'other' },
      { pointer: '/rating/dayBands/1', detail: 'gap' },
    ];
    expect(problemsUnder(problems, '/rating/premiums/basic/asia').map((problem) => problem.detail)).toEqual(['falls']);
    expect(problemsUnder(problems, '/rating/dayBands')).toHaveLength(1);
  });

  it('R-POL-3 follows the product’s plans: a new plan starts as a copy of the one before, a removed plan goes', () => {
    expect(withPlans(byAge, ['basic', 'middle', 'plus']).premiums).toEqual({ basic: [10000, 20000], middle: [10000, 20000], plus: [15000, 30000] });
    expect(withPlans(byAge, ['plus']).premiums).toEqual({ plus: [15000, 30000] });
    expect(Object.keys(withPlans(trip, ['basic', 'gold']).premiums)).toEqual(['basic', 'gold']);
    expect(byAge.premiums).toEqual({ basic: [10000, 20000], plus: [15000, 30000] });
  });
});
