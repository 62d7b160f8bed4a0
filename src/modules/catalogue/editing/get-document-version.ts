import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/types.ts';
import { AppError } from '../../../errors/app-error.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import type { ProductDocumentKind } from '../../../shared/catalogue/terms.ts';
import { authorizeStaff } from '../../staff/policies.ts';
import { staffMembers } from '../../staff/schema.ts';
import type { DocumentRow } from '../load-catalogue.ts';
import { productDocuments, products } from '../schema.ts';

/** The full text of one version of a product's document, current or not, for the console's history. */
export async function getDocumentVersion(ctx: Ctx, db: DbOrTx, input: { code: string; kind: ProductDocumentKind; version: number }): Promise<DocumentRow & { createdByName: string | null }> {
  authorizeStaff(ctx.actor, 'catalogue.read');
  const [row] = await db
    .select({ document: productDocuments, createdByName: staffMembers.displayName })
    .from(productDocuments)
    .innerJoin(products, eq(products.id, productDocuments.productId))
    .leftJoin(staffMembers, eq(staffMembers.id, productDocuments.createdBy))
    .where(and(eq(products.code, input.code), eq(productDocuments.kind, input.kind), eq(productDocuments.version, input.version)));
  if (!row) throw new AppError('not_found', 'No such document version');
  return { ...row.document, createdByName: row.createdByName };
}
