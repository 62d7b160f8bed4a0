import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError, type FieldProblem } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { detailOf, type ProductDetail } from './get-product.ts';
import { loadCatalogue, type DocumentRow, type RatingRow } from './load-catalogue.ts';
import { productReadinessProblems } from './product-readiness.ts';
import { productDocuments, ratingTables } from './schema.ts';

export interface StaffProductDetail extends ProductDetail {
  /** Every version of every document, newest first, without bodies. */
  documentHistory: Array<Omit<DocumentRow, 'bodyZh' | 'bodyEn' | 'questions'>>;
  ratingHistory: Array<Omit<RatingRow, 'definition'>>;
  problems: FieldProblem[];
}

/** One product as the console shows it, draft or published: plans, rating table, document versions, readiness. */
export async function getProductForStaff(ctx: Ctx, db: DbOrTx, code: string): Promise<StaffProductDetail> {
  authorizeStaff(ctx.actor, 'catalogue.read');
  const [product] = await loadCatalogue(db, { publishedOnly: false, code });
  if (!product) throw new AppError('not_found', 'No product with this code');
  const detail = await detailOf(db, product);
  const documentHistory = await db
    .select({
      id: productDocuments.id,
      productId: productDocuments.productId,
      kind: productDocuments.kind,
      version: productDocuments.version,
      titleZh: productDocuments.titleZh,
      titleEn: productDocuments.titleEn,
      textHash: productDocuments.textHash,
      createdBy: productDocuments.createdBy,
      createdAt: productDocuments.createdAt,
    })
    .from(productDocuments)
    .where(eq(productDocuments.productId, product.id))
    .orderBy(asc(productDocuments.kind), desc(productDocuments.version));
  const ratingHistory = await db
    .select({ id: ratingTables.id, productId: ratingTables.productId, version: ratingTables.version, contentHash: ratingTables.contentHash, createdBy: ratingTables.createdBy, createdAt: ratingTables.createdAt })
    .from(ratingTables)
    .where(eq(ratingTables.productId, product.id))
    .orderBy(desc(ratingTables.version));
  return { ...detail, documentHistory, ratingHistory, problems: productReadinessProblems(product, detail.documents) };
}
