import { inTransaction } from '../../db/transaction.ts';
import type { Db, DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { loadCatalogue, type CatalogueProduct } from '../catalogue/load-catalogue.ts';
import { readSaleContent } from './read-sale-content.ts';
import type { SaleContent, ShowableStep } from './sale-content.ts';
import { saleOwnerOf } from './sale-owner.ts';
import { appendSaleStep, lockOwnedSaleOnSale } from './sale-steps.ts';

/** The product of a sale (its code from `lockOwnedSaleOnSale`) with plans and rating, as long as it is still on sale. */
export async function productOfSale(db: DbOrTx, productCode: string): Promise<CatalogueProduct> {
  const [product] = await loadCatalogue(db, { publishedOnly: true, code: productCode });
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
    const sale = await lockOwnedSaleOnSale(tx, input.saleId, owner);
    const content = await readSaleContent(tx, sale.productId, input.kind, input.language);
    await appendSaleStep(tx, sale.id, { kind: input.kind, action: 'shown', documentId: content.documentId, contentHash: content.contentHash });
    return content;
  });
}
