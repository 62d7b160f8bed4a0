import type { Db } from '../../db/types.ts';
import { DESTINATIONS, destinationOf, zoneContains, zoneNames, type Destination } from '../../shared/catalogue/destinations.ts';
import { coverageItemNames, productTypeNames, type ProductType } from '../../shared/catalogue/terms.ts';
import { countSearchKeyword, normaliseKeyword } from './count-search-keyword.ts';
import { ratedProductOf, type CatalogueProduct } from './load-catalogue.ts';
import { publishedCatalogue } from './published-catalogue.ts';
import { fromPriceFen } from './rating/from-price.ts';
import { unknownDestination } from './rating/quote.ts';

export interface ProductFilters {
  type?: ProductType | undefined;
  destination?: string | undefined;
  days?: number | undefined;
  ages?: readonly number[] | undefined;
  maxPriceFen?: number | undefined;
  q?: string | undefined;
  /** The same search with other filters changed: not counted again in the statistics. */
  refine?: boolean | undefined;
}

export interface ProductSummary {
  product: CatalogueProduct;
  fromPriceFen: number | null;
}

/**
 * The published catalogue for the site (R-POL-1): filtered by type, destination, trip length, ages
 * and a price ceiling for that trip, and searched by keyword. A search is counted for statistics
 * without anything about who searched (R-POL-2).
 */
export async function listProducts(db: Db, filters: ProductFilters): Promise<ProductSummary[]> {
  const destination = filters.destination === undefined ? undefined : destinationOf(filters.destination);
  if (filters.destination !== undefined && !destination) throw unknownDestination('/querystring/destination');
  const keyword = filters.q === undefined ? '' : normaliseKeyword(filters.q);
  if (keyword !== '' && !filters.refine) await countSearchKeyword(db, keyword);

  const catalogue = await publishedCatalogue(db);
  const summaries: ProductSummary[] = [];
  for (const product of catalogue) {
    if (filters.type && product.type !== filters.type) continue;
    if (keyword !== '' && !matchesKeyword(product, keyword)) continue;
    if (destination && !product.zones.some((zone) => zoneContains(zone, destination))) continue;
    const rated = ratedProductOf(product);
    const price = rated ? fromPriceFen(rated, product.plans.map((plan) => plan.code), { destination, days: filters.days, ages: filters.ages }) : null;
    const hasCriteria = filters.days !== undefined || (filters.ages?.length ?? 0) > 0;
    if (hasCriteria && price === null) continue;
    if (filters.maxPriceFen !== undefined && (price === null || price > filters.maxPriceFen)) continue;
    summaries.push({ product, fromPriceFen: price });
  }
  return summaries;
}

/** A keyword matches names, summaries, the insurer, the type, coverage items, zones and destinations covered. */
function matchesKeyword(product: CatalogueProduct, keyword: string): boolean {
  const texts = [
    product.nameZh,
    product.nameEn,
    product.summaryZh,
    product.summaryEn,
    product.code,
    product.insurer.shortNameZh,
    product.insurer.shortNameEn,
    product.insurer.fullNameZh,
    product.insurer.fullNameEn,
    productTypeNames[product.type].zh,
    productTypeNames[product.type].en,
    ...product.zones.flatMap((zone) => [zoneNames[zone].zh, zoneNames[zone].en]),
    ...product.plans.flatMap((plan) => [plan.nameZh, plan.nameEn, ...plan.coverages.flatMap((row) => [row.itemZh, row.itemEn, coverageItemNames[row.item].zh, coverageItemNames[row.item].en])]),
  ];
  if (texts.some((text) => text.toLowerCase().includes(keyword))) return true;
  const named = DESTINATIONS.filter((destination: Destination) => destination.zh === keyword || destination.en.toLowerCase() === keyword);
  return named.length > 0 && named.every((destination) => product.zones.some((zone) => zoneContains(zone, destination)));
}
