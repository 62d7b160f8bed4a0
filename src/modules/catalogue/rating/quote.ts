import { AppError } from '../../../errors/app-error.ts';
import { destinationOf, narrowestZone, zoneContains, type Destination, type Zone } from '../../../shared/catalogue/destinations.ts';
import type { Quote } from '../../../shared/catalogue/quote.ts';
import type { ProductType } from '../../../shared/catalogue/terms.ts';
import { groupDiscountOf, discountFen } from './group-discount.ts';
import { bandIndex, type RatingTable } from './rating-table.ts';

/** What pricing needs to know of a product: its limits and its rating table. */
export interface RatedProduct {
  code: string;
  type: ProductType;
  /** Where the product covers (for trips: the zones its rating table prices). */
  zones: readonly Zone[];
  minDays: number;
  maxDays: number;
  /** Annual multi-trip: the longest single trip covered. */
  maxTripDays: number | null;
  minAge: number;
  maxAge: number;
  maxInsured: number;
  rating: { version: number; hash: string; table: RatingTable };
}

/** A quote asks no personal information: where, how long, the ages, and (accident) the occupation class. */
export interface QuoteInput {
  destinations?: readonly string[] | undefined;
  days?: number | undefined;
  ages: readonly number[];
  occupationClass?: number | undefined;
}

/**
 * The price of one plan for one trip (R-POL-3): pure and deterministic — the same product, plan and
 * input always give the same quote; nothing is read or stored. Every amount is integer fen; the
 * only rounding is the group discount's (half up to the fen). Out-of-range input is refused with a
 * specific error naming the limits.
 */
export function quote(product: RatedProduct, plan: { code: string }, input: QuoteInput): Quote {
  const table = product.rating.table;
  checkInsuredCount(product, input.ages.length);
  const days = coveredDays(product, input.days);
  const destinations = knownDestinations(input.destinations ?? []);
  const zone = pricingZone(product, destinations);
  input.ages.forEach((age, position) => checkAge(product, age, position));
  const occupationClass = table.basis === 'occupation' ? checkOccupation(table.classes, input.occupationClass) : null;

  const lines = input.ages.map((age, position) => ({ position, age, premiumFen: premiumOf(product, plan.code, { zone, days, age, occupationClass }) }));
  const subtotalFen = lines.reduce((sum, line) => sum + line.premiumFen, 0);
  const discountBps = groupDiscountOf(table.groupDiscounts, lines.length);
  const discount = discountFen(subtotalFen, discountBps);
  return {
    productCode: product.code,
    planCode: plan.code,
    ratingVersion: product.rating.version,
    ratingHash: product.rating.hash,
    zone,
    days,
    occupationClass,
    lines,
    subtotalFen,
    discountBps,
    discountFen: discount,
    totalFen: subtotalFen - discount,
  };
}

function checkInsuredCount(product: RatedProduct, count: number): void {
  if (count < 1 || count > product.maxInsured) {
    throw new AppError('quote_insured_count', `A quote needs 1–${product.maxInsured} insured persons, got ${count}`, {
      params: { max: product.maxInsured },
      errors: [{ pointer: '/body/ages', detail: `1–${product.maxInsured}` }],
    });
  }
}

/** Trips last what the traveller says, within the product's range; other products run their term. */
function coveredDays(product: RatedProduct, days: number | undefined): number {
  const isTrip = product.rating.table.basis === 'trip';
  const [min, max] = product.maxTripDays !== null ? [1, product.maxTripDays] : [product.minDays, product.maxDays];
  if (days === undefined) {
    if (isTrip) throw daysError(product, min, max);
    return product.maxDays;
  }
  if (!Number.isInteger(days) || days < min || days > max) throw daysError(product, min, max);
  return isTrip ? days : product.maxDays;
}

function daysError(product: RatedProduct, min: number, max: number): AppError {
  return new AppError('quote_days_out_of_range', `Days outside ${min}–${max} for ${product.code}`, {
    params: { min, max },
    errors: [{ pointer: '/body/days', detail: `${min}–${max}` }],
  });
}

function knownDestinations(codes: readonly string[]): Destination[] {
  return codes.map((code, position) => {
    const destination = destinationOf(code);
    if (!destination) throw unknownDestination(`/body/destinations/${position}`);
    return destination;
  });
}

/** A destination code that is not in the list. What was typed is never echoed or logged: only the field is named. */
export function unknownDestination(pointer: string): AppError {
  return new AppError('quote_unknown_destination', `Unknown destination code at ${pointer}`, { errors: [{ pointer, detail: 'unknown' }] });
}

/** Trips are priced in the narrowest zone that holds every destination; other products only check their territory. */
function pricingZone(product: RatedProduct, destinations: Destination[]): Zone | null {
  const table = product.rating.table;
  if (table.basis === 'trip' && destinations.length === 0) {
    throw new AppError('quote_destination_required', 'A trip quote needs a destination', { errors: [{ pointer: '/body/destinations', detail: 'required' }] });
  }
  const zones = table.basis === 'trip' ? table.zones : product.zones;
  const uncovered = destinations.findIndex((destination) => !zones.some((zone) => zoneContains(zone, destination)));
  if (uncovered >= 0) {
    throw new AppError('quote_destination_not_covered', `${product.code} does not cover destination ${uncovered}`, {
      params: { destination: destinations[uncovered]?.code ?? '?' },
      errors: [{ pointer: `/body/destinations/${uncovered}`, detail: 'not covered' }],
    });
  }
  if (table.basis !== 'trip') return null;
  const zone = narrowestZone(table.zones, destinations);
  if (!zone) {
    throw new AppError('quote_destination_not_covered', `${product.code} has no single zone for these destinations`, {
      params: { destination: destinations.map((destination) => destination.code).join('+') },
      errors: [{ pointer: '/body/destinations', detail: 'not covered together' }],
    });
  }
  return zone;
}

function checkAge(product: RatedProduct, age: number, position: number): void {
  if (Number.isInteger(age) && age >= product.minAge && age <= product.maxAge) return;
  throw new AppError('quote_age_out_of_range', `Insured ${position} outside ages ${product.minAge}–${product.maxAge} of ${product.code}`, {
    params: { min: product.minAge, max: product.maxAge, position: position + 1 },
    errors: [{ pointer: `/body/ages/${position}`, detail: `${product.minAge}–${product.maxAge}` }],
  });
}

function checkOccupation(classes: readonly number[], occupationClass: number | undefined): number {
  if (occupationClass === undefined) {
    throw new AppError('quote_occupation_required', 'An accident quote needs an occupation class', { errors: [{ pointer: '/body/occupationClass', detail: 'required' }] });
  }
  if (!classes.includes(occupationClass)) {
    throw new AppError('quote_occupation_not_covered', `Occupation class ${occupationClass} not covered`, {
      params: { occupationClass, max: Math.max(...classes) },
      errors: [{ pointer: '/body/occupationClass', detail: `${Math.min(...classes)}–${Math.max(...classes)}` }],
    });
  }
  return occupationClass;
}

interface Cell {
  zone: Zone | null;
  days: number;
  age: number;
  occupationClass: number | null;
}

/** One insured person's premium from the table. A gap in the table is a data error, never a price of zero. */
export function premiumOf(product: RatedProduct, planCode: string, cell: Cell): number {
  const table = product.rating.table;
  let premium: number | undefined;
  if (table.basis === 'trip') {
    premium = table.premiums[planCode]?.[cell.zone ?? '']?.[bandIndex(table.dayBands, cell.days)]?.[bandIndex(table.ageBands, cell.age)];
  } else if (table.basis === 'occupation') {
    premium = table.premiums[planCode]?.[table.classes.indexOf(cell.occupationClass ?? 0)];
  } else {
    premium = table.premiums[planCode]?.[bandIndex(table.ageBands, cell.age)];
  }
  if (premium === undefined || !Number.isInteger(premium) || premium < 0) {
    throw new AppError('quote_unavailable', `No premium in ${product.code} v${product.rating.version} for plan ${planCode} at ${JSON.stringify(cell)}`);
  }
  return premium;
}
