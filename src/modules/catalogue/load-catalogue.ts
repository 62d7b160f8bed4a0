import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { compiledQuery } from '../../db/compiled-query.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { RatedProduct } from './rating/quote.ts';
import { insurers, planCoverages, plans, productDocuments, products, ratingTables } from './schema.ts';

export type Insurer = typeof insurers.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type CoverageRow = typeof planCoverages.$inferSelect;
export type DocumentRow = typeof productDocuments.$inferSelect;
export type RatingRow = typeof ratingTables.$inferSelect;

export interface PlanWithCoverage extends PlanRow {
  coverages: CoverageRow[];
}

export interface CatalogueProduct extends ProductRow {
  insurer: Insurer;
  /** Lowest level first. */
  plans: PlanWithCoverage[];
  rating: RatingRow | null;
}

/**
 * Products with their insurer, plans (with coverage rows) and current rating table, in display
 * order. The catalogue is small (tens of products), so filters and prices are computed in memory.
 */
export async function loadCatalogue(db: DbOrTx, options: { publishedOnly: boolean; code?: string }): Promise<CatalogueProduct[]> {
  const conditions = [
    ...(options.publishedOnly ? [eq(products.status, 'published')] : []),
    ...(options.code === undefined ? [] : [eq(products.code, options.code)]),
  ];
  const rows = await db
    .select({ product: products, insurer: insurers })
    .from(products)
    .innerJoin(insurers, eq(insurers.id, products.insurerId))
    .where(and(...conditions))
    .orderBy(asc(products.sortOrder), asc(products.code));
  if (rows.length === 0) return [];
  const productIds = rows.map((row) => row.product.id);
  const planRows = await db.select().from(plans).where(inArray(plans.productId, productIds)).orderBy(asc(plans.level));
  const coverageRows = planRows.length === 0 ? [] : await db.select().from(planCoverages).where(inArray(planCoverages.planId, planRows.map((plan) => plan.id))).orderBy(asc(planCoverages.position));
  const ratings = await currentRatings(db, productIds);
  return rows.map(({ product, insurer }) => ({
    ...product,
    insurer,
    plans: planRows.filter((plan) => plan.productId === product.id).map((plan) => ({ ...plan, coverages: coverageRows.filter((row) => row.planId === plan.id) })),
    rating: ratings.get(product.id) ?? null,
  }));
}

/** The newest rating table of each product. */
export async function currentRatings(db: DbOrTx, productIds: string[]): Promise<Map<string, RatingRow>> {
  const rows = await db
    .selectDistinctOn([ratingTables.productId])
    .from(ratingTables)
    .where(inArray(ratingTables.productId, productIds))
    .orderBy(ratingTables.productId, desc(ratingTables.version));
  return new Map(rows.map((row) => [row.productId, row]));
}

/** The newest version of each document of a product. */
export async function currentDocuments(db: DbOrTx, productId: string): Promise<DocumentRow[]> {
  return db
    .selectDistinctOn([productDocuments.kind])
    .from(productDocuments)
    .where(eq(productDocuments.productId, productId))
    .orderBy(productDocuments.kind, desc(productDocuments.version));
}

/**
 * The newest version of one kind of a product's documents, or none: what each step of a sale shows
 * and checks, so it is built once (compiled-query.ts) and reads one document, not all of them.
 */
export const currentDocumentOfKind = compiledQuery<DocumentRow[], { productId: string; kind: DocumentRow['kind'] }>((db) =>
  db
    .select()
    .from(productDocuments)
    .where(and(eq(productDocuments.productId, sql.placeholder('productId')), eq(productDocuments.kind, sql.placeholder('kind'))))
    .orderBy(desc(productDocuments.version))
    .limit(1),
);

/** What the pure quote needs, or null when the product has no rating table yet. */
export function ratedProductOf(product: CatalogueProduct): RatedProduct | null {
  return product.rating ? ratedProductWith(product, product.rating) : null;
}

/** A product priced by a given rating table: the current one, or (a change of dates) the one of its sale. */
export function ratedProductWith(product: ProductRow, rating: RatingRow): RatedProduct {
  return {
    code: product.code,
    type: product.type,
    zones: product.zones,
    minDays: product.minDays,
    maxDays: product.maxDays,
    maxTripDays: product.maxTripDays,
    minAge: product.minAge,
    maxAge: product.maxAge,
    maxInsured: product.maxInsured,
    rating: { version: rating.version, hash: rating.contentHash, table: rating.definition },
  };
}
