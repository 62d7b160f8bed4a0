import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { FieldProblem } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { loadCatalogue, type CatalogueProduct, type DocumentRow } from './load-catalogue.ts';
import { productReadinessProblems } from './product-readiness.ts';
import { productDocuments } from './schema.ts';

export interface StaffCatalogueEntry {
  product: CatalogueProduct;
  /** What must be fixed before the product can be published; empty when it is ready. */
  problems: FieldProblem[];
}

/** Every product, drafts included, with what stands in the way of publishing each (R-POL-1). */
export async function listCatalogueForStaff(ctx: Ctx, db: DbOrTx, language: Language = 'en'): Promise<StaffCatalogueEntry[]> {
  authorizeStaff(ctx.actor, 'catalogue.read');
  const catalogue = await loadCatalogue(db, { publishedOnly: false });
  if (catalogue.length === 0) return [];
  const documents = await db
    .select({ productId: productDocuments.productId, kind: productDocuments.kind, questions: productDocuments.questions })
    .from(productDocuments)
    .where(inArray(productDocuments.productId, catalogue.map((product) => product.id)));
  return catalogue.map((product) => ({
    product,
    problems: productReadinessProblems(product, documents.filter((document) => document.productId === product.id) as DocumentRow[], language),
  }));
}
