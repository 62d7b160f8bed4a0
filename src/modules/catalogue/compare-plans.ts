import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { COVERAGE_ITEMS, type CoverageItem } from '../../shared/catalogue/terms.ts';
import { ratedProductOf, type CatalogueProduct, type CoverageRow, type PlanWithCoverage } from './load-catalogue.ts';
import { publishedCatalogue } from './published-catalogue.ts';
import { fromPriceFen } from './rating/from-price.ts';

export const MAX_COMPARED = 4;

export interface ComparedPlan {
  product: CatalogueProduct;
  plan: PlanWithCoverage;
  fromPriceFen: number | null;
}

export interface Comparison {
  plans: ComparedPlan[];
  /** One row per coverage item any compared plan has, in the catalogue's order; null where a plan lacks it. */
  rows: Array<{ item: CoverageItem; cells: Array<CoverageRow | null> }>;
}

/** Plans of published products side by side (R-POL-1), coverage aligned by item. */
export async function comparePlans(db: Db, selection: ReadonlyArray<{ product: string; plan: string }>): Promise<Comparison> {
  if (selection.length < 1 || selection.length > MAX_COMPARED) {
    throw new AppError('validation_failed', 'Compare 1–4 plans', { errors: [{ pointer: '/querystring/plans', detail: `1–${MAX_COMPARED}` }] });
  }
  const catalogue = await publishedCatalogue(db);
  const plans = selection.map(({ product: productCode, plan: planCode }, index) => {
    const product = catalogue.find((candidate) => candidate.code === productCode);
    const plan = product?.plans.find((candidate) => candidate.code === planCode);
    if (!product || !plan) throw new AppError('not_found', `Compared plan ${index} is not in the published catalogue`);
    const rated = ratedProductOf(product);
    return { product, plan, fromPriceFen: rated ? fromPriceFen(rated, [plan.code], {}) : null };
  });
  const items = COVERAGE_ITEMS.filter((item) => plans.some(({ plan }) => plan.coverages.some((row) => row.item === item)));
  return { plans, rows: items.map((item) => ({ item, cells: plans.map(({ plan }) => plan.coverages.find((row) => row.item === item) ?? null) })) };
}
