import type { DbOrTx } from '../../db/types.ts';
import type { Language } from '../../errors/error-codes.ts';
import { currentDocumentOfKind } from '../catalogue/load-catalogue.ts';
import { isDocumentStep, saleContentOf, type SaleContent, type ShowableStep } from './sale-content.ts';

/**
 * The content in force at one step of a sale, read in the step's transaction: the product's newest
 * document of that kind, or, for a statement step, nothing from the database at all.
 */
export async function readSaleContent(tx: DbOrTx, productId: string, kind: ShowableStep, language: Language): Promise<SaleContent> {
  const documents = isDocumentStep(kind) ? await currentDocumentOfKind(tx, { productId, kind }) : [];
  return saleContentOf(documents, kind, language);
}
