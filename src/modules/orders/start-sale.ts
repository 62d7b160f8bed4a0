import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { purposeNotice } from '../../privacy/consent/purpose-notices.ts';
import { hasConsent } from '../../privacy/consent/record-consent.ts';
import { newId } from '../../shared/ids.ts';
import { REQUIRED_READING, type ShowableStep } from '../../shared/orders.ts';
import { loadCatalogue } from '../catalogue/load-catalogue.ts';
import { hasHealthDeclaration, productPageHash } from './sale-content.ts';
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
 * priced and covered at that moment).
 */
export async function startSale(ctx: Ctx, db: Db, input: { productCode: string; language: Language }): Promise<StartedSale> {
  const owner = saleOwnerOf(ctx);
  const [product] = await loadCatalogue(db, { publishedOnly: true, code: input.productCode });
  if (!product) throw new AppError('not_found', 'No published product with this code');
  const steps: ShowableStep[] = [...REQUIRED_READING, ...((await hasHealthDeclaration(db, product.id)) ? (['health_declaration'] as const) : [])];
  const saleId = newId('sal');
  await inTransaction(db, async (tx) => {
    await tx.insert(sales).values({ id: saleId, productId: product.id, ...owner, retainUntil: new Date(Date.now() + ABANDONED_SALE_DAYS * 86_400_000) });
    await appendSaleStep(tx, saleId, { kind: 'product_page', action: 'shown', contentHash: productPageHash(product) });
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
