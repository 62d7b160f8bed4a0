import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { purposeNotice } from '../../privacy/consent/purpose-notices.ts';
import { hasConsent } from '../../privacy/consent/record-consent.ts';
import { newId } from '../../shared/ids.ts';
import { REQUIRED_READING, type ShowableStep } from '../../shared/orders.ts';
import { currentDocuments } from '../catalogue/load-catalogue.ts';
import { publishedProduct } from '../catalogue/published-catalogue.ts';
import { productPageHash } from './sale-content.ts';
import { appendSaleStep } from './sale-steps.ts';
import { saleOwnerOf } from './sale-owner.ts';
import { sales } from './schema.ts';

/** A sale that never became an order keeps its record this long (then the sweep deletes it). */
const ABANDONED_SALE_DAYS = 30;

export interface StartedSale {
  saleId: string;
  /** What must be read and confirmed before the application is accepted, in order. */
  steps: ShowableStep[];
  /** The separate consents an application asks, with the wording to show and whether already given. */
  consents: Array<{ purpose: 'sensitive_pi' | 'share_with_insurer'; version: number; text: string; isGranted: boolean }>;
}

/**
 * The person pressed 立即投保 on a product page (R-POL-7): a sale begins, owned by their customer or
 * guest session, and its first step records the product page as shown (the hash of the product as
 * priced and covered at that moment). The product is the one the product page itself was served
 * from — the published catalogue kept in memory — so the hash is of what the person saw; every later
 * step checks in its own transaction that the product is still on sale, and the order is priced
 * from the database.
 */
export async function startSale(ctx: Ctx, db: Db, input: { productCode: string; language: Language }): Promise<StartedSale> {
  const owner = saleOwnerOf(ctx);
  const product = await publishedProduct(db, input.productCode);
  if (!product) throw new AppError('not_found', 'No published product with this code');
  const saleId = newId('sal');
  const steps = await inTransaction(db, async (tx): Promise<ShowableStep[]> => {
    await tx.insert(sales).values({ id: saleId, productId: product.id, ...owner, retainUntil: new Date(Date.now() + ABANDONED_SALE_DAYS * 86_400_000) });
    await appendSaleStep(tx, saleId, { kind: 'product_page', action: 'shown', contentHash: productPageHash(product) });
    const hasHealthDeclaration = (await currentDocuments(tx, product.id)).some((row) => row.kind === 'health_declaration');
    return [...REQUIRED_READING, ...(hasHealthDeclaration ? (['health_declaration'] as const) : [])];
  });
  const consents = await Promise.all(
    (['share_with_insurer', 'sensitive_pi'] as const).map(async (purpose) => {
      const notice = purposeNotice(purpose, input.language);
      const isGranted = owner.customerId !== null && (await hasConsent(db, owner.customerId, { purpose }, notice.version));
      return { purpose, version: notice.version, text: notice.text, isGranted };
    }),
  );
  return { saleId, steps, consents };
}
