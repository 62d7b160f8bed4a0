import { demoProducts } from '../../src/modules/catalogue/demo/products.ts';
import type { ProductDefinition } from '../../src/modules/catalogue/import-product.ts';
import { DESTINATIONS, zoneContains } from '../../src/shared/catalogue/destinations.ts';
import type { QuoteRequest } from '../../src/shared/catalogue/quote.ts';

export type Random = () => number;

const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Where a product prices a trip: its rating table's zones for trips, its territory otherwise. */
function pricedZones(product: ProductDefinition) {
  return product.rating.basis === 'trip' ? product.rating.zones : product.zones;
}

/**
 * A quote someone could ask on the product page of a demo product: one to three destinations of one
 * zone the product prices, a trip length and one to four ages within its limits, and an occupation
 * class where it is rated by one. Random, so no cache or branch predictor sees the same request twice.
 */
export function randomQuoteRequest(random: Random, products: readonly ProductDefinition[] = demoProducts): QuoteRequest {
  const product = pick(random, products.filter((candidate) => candidate.status === 'published'));
  const zone = pick(random, pricedZones(product));
  const inZone = DESTINATIONS.filter((destination) => zoneContains(zone, destination));
  const destinations = [...new Set(Array.from({ length: between(random, 1, 3) }, () => pick(random, inZone).code))];
  const longestTrip = product.maxTripDays ?? product.maxDays;
  const shortestTrip = product.maxTripDays === undefined ? product.minDays : 1;
  const rating = product.rating;
  return {
    product: product.code,
    plan: pick(random, product.plans).code,
    destinations,
    days: between(random, shortestTrip, longestTrip),
    ages: Array.from({ length: between(random, 1, 4) }, () => between(random, product.minAge, product.maxAge)),
    ...(rating.basis === 'occupation' ? { occupationClass: pick(random, rating.classes) } : {}),
  };
}
