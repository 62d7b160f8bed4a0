import { narrowestZone, zoneContains, type Destination, type Zone } from '../../../shared/catalogue/destinations.ts';
import { discountFen, groupDiscountOf } from './group-discount.ts';
import { premiumOf, type RatedProduct } from './quote.ts';

export interface PriceCriteria {
  destination?: Destination | undefined;
  days?: number | undefined;
  ages?: readonly number[] | undefined;
}

// Without ages, a list shows the price for one adult.
const REPRESENTATIVE_AGE = 30;

/**
 * The lowest total over a product's plans for what the visitor has told the list so far ("from ¥…"):
 * a destination, a trip length and ages narrow it; without them the cheapest zone, the shortest trip
 * and one adult are assumed. Null when the product cannot cover the criteria at all.
 */
export function fromPriceFen(product: RatedProduct, planCodes: readonly string[], criteria: PriceCriteria): number | null {
  const table = product.rating.table;
  const zones = zonesFor(product, criteria.destination);
  if (zones === null) return null;
  const days = daysFor(product, criteria.days);
  if (days === null) return null;
  const ages = criteria.ages && criteria.ages.length > 0 ? criteria.ages : [Math.min(Math.max(REPRESENTATIVE_AGE, product.minAge), product.maxAge)];
  if (ages.some((age) => age < product.minAge || age > product.maxAge) || ages.length > product.maxInsured) return null;
  const occupationClass = table.basis === 'occupation' ? Math.min(...table.classes) : null;
  const discountBps = groupDiscountOf(table.groupDiscounts, ages.length);
  let lowest: number | null = null;
  for (const planCode of planCodes) {
    for (const zone of zones) {
      const subtotal = ages.reduce((sum, age) => sum + premiumOf(product, planCode, { zone, days, age, occupationClass }), 0);
      const total = subtotal - discountFen(subtotal, discountBps);
      if (lowest === null || total < lowest) lowest = total;
    }
  }
  return lowest;
}

function zonesFor(product: RatedProduct, destination: Destination | undefined): Array<Zone | null> | null {
  const table = product.rating.table;
  if (table.basis !== 'trip') return destination && !product.zones.some((zone) => zoneContains(zone, destination)) ? null : [null];
  if (!destination) return [...table.zones];
  const zone = narrowestZone(table.zones, [destination]);
  return zone ? [zone] : null;
}

function daysFor(product: RatedProduct, days: number | undefined): number | null {
  if (product.rating.table.basis === 'trip') {
    if (days === undefined) return product.minDays;
    return days >= product.minDays && days <= product.maxDays ? days : null;
  }
  if (days !== undefined && product.maxTripDays !== null && days > product.maxTripDays) return null;
  return product.maxDays;
}
