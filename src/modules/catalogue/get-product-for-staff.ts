import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError, type FieldProblem } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { staffMembers } from '../staff/schema.ts';
import { hasBeenSold } from './editing/edit-product.ts';
import { detailOf, type ProductDetail } from './get-product.ts';
import { loadCatalogue, type DocumentRow, type RatingRow } from './load-catalogue.ts';
import { productReadinessProblems } from './product-readiness.ts';
import { productDocuments, ratingTables } from './schema.ts';

/** Who wrote a version: a staff member's display name, or null for an import (the seed). */
type WrittenBy = { createdByName: string | null };

export interface StaffProductDetail extends ProductDetail {
  /** Every version of every document, newest first, without bodies. */
  documentHistory: Array<Omit<DocumentRow, 'bodyZh' | 'bodyEn' | 'questions'> & WrittenBy>;
  ratingHistory: Array<Omit<RatingRow, 'definition'> & WrittenBy>;
  problems: FieldProblem[];
  /** Orders exist: its terms, plans and coverage are frozen (documents and rating tables still get new versions). */
  isSold: boolean;
}

/** One product as the console shows it, draft or published: plans, rating table, document versions, readiness, whether it was sold. */
export async function getProductForStaff(ctx: Ctx, db: DbOrTx, code: string, language: Language = 'en'): Promise<StaffProductDetail> {
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
      createdByName: staffMembers.displayName,
      createdAt: productDocuments.createdAt,
    })
    .from(productDocuments)
    .leftJoin(staffMembers, eq(staffMembers.id, productDocuments.createdBy))
    .where(eq(productDocuments.productId, product.id))
    .orderBy(asc(productDocuments.kind), desc(productDocuments.version));
  const ratingHistory = await db
    .select({
      id: ratingTables.id,
      productId: ratingTables.productId,
      version: ratingTables.version,
      contentHash: ratingTables.contentHash,
      createdBy: ratingTables.createdBy,
      createdByName: staffMembers.displayName,
      createdAt: ratingTables.createdAt,
    })
    .from(ratingTables)
    .leftJoin(staffMembers, eq(staffMembers.id, ratingTables.createdBy))
    .where(eq(ratingTables.productId, product.id))
    .orderBy(desc(ratingTables.version));
  return { ...detail, documentHistory, ratingHistory, problems: productReadinessProblems(product, detail.documents, language), isSold: await hasBeenSold(db, product.id) };
}
