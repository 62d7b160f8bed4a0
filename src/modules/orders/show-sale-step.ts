import { eq } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db, DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { loadCatalogue, type CatalogueProduct } from '../catalogue/load-catalogue.ts';
import { products } from '../catalogue/schema.ts';
import { currentDocuments } from '../catalogue/load-catalogue.ts';
import { saleContentOf, type SaleContent, type ShowableStep } from './sale-content.ts';
import { saleOwnerOf } from './sale-owner.ts';
import { appendSaleStep, lockOwnedSale } from './sale-steps.ts';

/** The product of a sale, as long as it is still on sale. */
export async function productOfSale(db: DbOrTx, productId: string): Promise<CatalogueProduct> {
  const [row] = await db.select({ code: products.code }).from(products).where(eq(products.id, productId));
  const [product] = row ? await loadCatalogue(db, { publishedOnly: true, code: row.code }) : [];
  if (!product) throw new AppError('not_found', 'The product of this sale is no longer on sale');
  return product;
}

/**
 * Sends one document or statement of the sale to the page and records that the server showed it,
 * with the hash of exactly that content (R-POL-7). Opening it again records it again: the record
 * shows every time a person went back to read.
 */
export async function showSaleStep(ctx: Ctx, db: Db, input: { saleId: string; kind: ShowableStep; language: Language }): Promise<SaleContent> {
  const owner = saleOwnerOf(ctx);
  return inTransaction(db, async (tx) => {
    const sale = await lockOwnedSale(tx, input.saleId, owner);
    const content = await saleContentOf(await currentDocuments(tx, (await productOfSale(tx, sale.productId)).id), input.kind, input.language);
    await appendSaleStep(tx, sale.id, { kind: input.kind, action: 'shown', documentId: content.documentId, contentHash: content.contentHash });
    return content;
  });
}
