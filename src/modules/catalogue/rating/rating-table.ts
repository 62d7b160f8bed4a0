import { Type, type Static } from 'typebox';
import { ZONES } from '../../../shared/catalogue/destinations.ts';

/**
 * A product's rating table as data (R-POL-3): premiums per insured person in integer fen, per plan.
 * Three bases, after how the product is priced:
 *  - trip: destination zone × trip-day band × age band (travel abroad and at home);
 *  - occupation: occupation class 1–6 (accident);
 *  - age: age band (short-term medical, annual multi-trip).
 * Bands are inclusive ranges that tile the product's limits without gaps or overlaps; a group
 * discount (basis points of the subtotal) applies from a number of insured persons.
 */
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const Band = Type.Object({ min: Type.Integer({ minimum: 0 }), max: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
const GroupDiscount = Type.Object({ minInsured: Type.Integer({ minimum: 2 }), bps: Type.Integer({ minimum: 1, maximum: 5000 }) }, { additionalProperties: false });
const ZoneKey = Type.Enum(ZONES);

export const TripRatingSchema = Type.Object(
  {
    basis: Type.Literal('trip'),
    zones: Type.Array(ZoneKey, { minItems: 1 }),
    dayBands: Type.Array(Band, { minItems: 1 }),
    ageBands: Type.Array(Band, { minItems: 1 }),
    // plan code → zone → [day band][age band]
    premiums: Type.Record(Type.String(), Type.Record(Type.String(), Type.Array(Type.Array(Fen)))),
    groupDiscounts: Type.Array(GroupDiscount),
  },
  { additionalProperties: false },
);

export const OccupationRatingSchema = Type.Object(
  {
    basis: Type.Literal('occupation'),
    classes: Type.Array(Type.Integer({ minimum: 1, maximum: 6 }), { minItems: 1 }),
    // plan code → premium per class, in the order of `classes`
    premiums: Type.Record(Type.String(), Type.Array(Fen)),
    groupDiscounts: Type.Array(GroupDiscount),
  },
  { additionalProperties: false },
);

export const AgeRatingSchema = Type.Object(
  {
    basis: Type.Literal('age'),
    ageBands: Type.Array(Band, { minItems: 1 }),
    // plan code → premium per age band
    premiums: Type.Record(Type.String(), Type.Array(Fen)),
    groupDiscounts: Type.Array(GroupDiscount),
  },
  { additionalProperties: false },
);

export const RatingTableSchema = Type.Union([TripRatingSchema, OccupationRatingSchema, AgeRatingSchema]);

export type Band = Static<typeof Band>;
export type GroupDiscount = Static<typeof GroupDiscount>;
export type TripRating = Static<typeof TripRatingSchema>;
export type OccupationRating = Static<typeof OccupationRatingSchema>;
export type AgeRating = Static<typeof AgeRatingSchema>;
export type RatingTable = TripRating | OccupationRating | AgeRating;
export type RatingBasis = RatingTable['basis'];

/** The index of the band containing `value`, or -1. */
export function bandIndex(bands: readonly Band[], value: number): number {
  return bands.findIndex((band) => band.min <= value && value <= band.max);
}
