import type { Db, DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { DOCUMENT_KINDS } from '../../shared/catalogue/terms.ts';
import { currentDocuments, ratedProductOf, type CatalogueProduct, type DocumentRow } from './load-catalogue.ts';
import { publishedProduct } from './published-catalogue.ts';
import { fromPriceFen } from './rating/from-price.ts';

export interface ProductDetail {
  product: CatalogueProduct;
  /** The version in force of each document, in the order 条款, 投保须知, 责任免除, 健康告知. */
  documents: DocumentRow[];
  fromPriceFen: number | null;
}

/** A published product with everything its page shows (R-POL-1); drafts answer not found. */
export async function getPublishedProduct(db: Db, code: string): Promise<ProductDetail> {
  const product = await publishedProduct(db, code);
  if (!product) throw new AppError('not_found', 'No published product with this code');
  return detailOf(db, product);
}

export async function detailOf(db: DbOrTx, product: CatalogueProduct): Promise<ProductDetail> {
  const documents = (await currentDocuments(db, product.id)).sort((a, b) => DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind));
  const rated = ratedProductOf(product);
  return { product, documents, fromPriceFen: rated ? fromPriceFen(rated, product.plans.map((plan) => plan.code), {}) : null };
}
