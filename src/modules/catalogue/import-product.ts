import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Zone } from '../../shared/catalogue/destinations.ts';
import type { ApplicantField, CoverageItem, ProductDocumentKind, ProductStatus, ProductType } from '../../shared/catalogue/terms.ts';
import { newId } from '../../shared/ids.ts';
import { documentHash, ratingHash } from './content-hash.ts';
import type { RatingTable } from './rating/rating-table.ts';
import { insurers, planCoverages, plans, productDocuments, products, ratingTables, type HealthQuestion } from './schema.ts';

export type InsurerDefinition = Omit<typeof insurers.$inferInsert, 'id' | 'createdAt'> & { code: string };

export interface CoverageDefinition {
  item: CoverageItem;
  itemZh: string;
  itemEn: string;
  detailZh?: string;
  detailEn?: string;
  sumInsuredFen: number;
  deductibleFen?: number;
}

export interface PlanDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  schengenCompliant?: boolean;
  coverages: CoverageDefinition[];
}

export interface DocumentDefinition {
  kind: ProductDocumentKind;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  questions?: HealthQuestion[];
}

/** A whole product as data: what the seed imports, and what an import from an insurer's feed would. */
export interface ProductDefinition {
  code: string;
  insurer: string;
  type: ProductType;
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  zones: Zone[];
  minDays: number;
  maxDays: number;
  maxTripDays?: number;
  minAge: number;
  maxAge: number;
  maxInsured?: number;
  coolingOffDays: number;
  policyholderFields: ApplicantField[];
  insuredFields: ApplicantField[];
  status: ProductStatus;
  sortOrder: number;
  /** Lowest level first. */
  plans: PlanDefinition[];
  documents: DocumentDefinition[];
  rating: RatingTable;
}

/** Adds an insurer unless one with its code exists. Returns its id either way. */
export async function importInsurer(db: DbOrTx, definition: InsurerDefinition): Promise<string> {
  await db.insert(insurers).values({ id: newId('ins'), ...definition }).onConflictDoNothing({ target: insurers.code });
  const [row] = await db.select({ id: insurers.id }).from(insurers).where(eq(insurers.code, definition.code));
  return (row as { id: string }).id;
}

/**
 * Adds a product with its plans, coverage, documents (version 1) and rating table (version 1), unless a
 * product with its code exists — an existing product, perhaps edited by staff, is never overwritten.
 * Call inside a transaction, and `catalogueChanged()` once it has committed (the site's published
 * catalogue is cached in memory). Returns whether it was added.
 */
export async function importProduct(db: DbOrTx, definition: ProductDefinition, insurerId: string, createdBy: string): Promise<boolean> {
  const productId = newId('prd');
  const { plans: planDefinitions, documents, rating, insurer: _insurer, ...fields } = definition;
  const inserted = await db
    .insert(products)
    .values({ ...fields, id: productId, insurerId, maxTripDays: fields.maxTripDays ?? null, publishedAt: fields.status === 'published' ? new Date() : null })
    .onConflictDoNothing({ target: products.code })
    .returning({ id: products.id });
  if (inserted.length === 0) return false;

  for (const [index, plan] of planDefinitions.entries()) {
    const planId = newId('pln');
    await db.insert(plans).values({ id: planId, productId, code: plan.code, level: index + 1, nameZh: plan.nameZh, nameEn: plan.nameEn, schengenCompliant: plan.schengenCompliant ?? false });
    await db.insert(planCoverages).values(
      plan.coverages.map((coverage, position) => ({
        id: newId('cov'),
        planId,
        position,
        item: coverage.item,
        itemZh: coverage.itemZh,
        itemEn: coverage.itemEn,
        detailZh: coverage.detailZh ?? '',
        detailEn: coverage.detailEn ?? '',
        sumInsuredFen: coverage.sumInsuredFen,
        deductibleFen: coverage.deductibleFen ?? 0,
      })),
    );
  }
  for (const document of documents) {
    const questions = document.questions ?? null;
    await db.insert(productDocuments).values({ id: newId('pdv'), productId, version: 1, ...document, questions, textHash: documentHash({ ...document, questions }), createdBy });
  }
  await db.insert(ratingTables).values({ id: newId('rtb'), productId, version: 1, definition: rating, contentHash: ratingHash(rating), createdBy });
  return true;
}
