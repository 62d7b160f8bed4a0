import { and, eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db, DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { hasConsent } from '../../privacy/consent/record-consent.ts';
import { encryptField } from '../../privacy/crypto/field-cipher.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { newId } from '../../shared/ids.ts';
import { activeCustomerId } from '../accounts/read-own-account.ts';
import { products } from '../catalogue/schema.ts';
import { saleOwnerOf, type SaleOwner } from './sale-owner.ts';
import { lockOwnedSale } from './sale-steps.ts';
import { applicationDrafts, orders } from './schema.ts';

/** What the page had typed so far, as it keeps its form: the server does not interpret it beyond the checks below. */
export type DraftData = Record<string, unknown>;

/** A draft is a form, not a file: anything larger is not one the purchase page wrote. */
export const MAX_DRAFT_CHARACTERS = 64_000;

const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const recordOf = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

// Where the purchase form keeps sensitive personal information (PIPL art. 28), and when a value there counts as given.
const SENSITIVE_KEYS: Record<string, (value: unknown) => boolean> = {
  idDocument: (value) => isText(recordOf(value).number),
  passportNumber: isText,
  healthAnswers: (value) => Object.values(recordOf(value)).some((answer) => typeof answer === 'boolean'),
};

export const draftLocation = (id: string) => ({ table: 'application_drafts', column: 'data_enc', rowId: id });

/**
 * Keeps a signed-in customer's unsent application for one product (R-POL-4), encrypted as one value,
 * so they can come back to it; a later save replaces it, and it is gone 30 days after its last change
 * (or when its order is made). Given the sale it belongs to, a save arriving after that sale became
 * an order is refused (`application_already_submitted`) rather than bringing the draft back. A draft
 * holding sensitive information — an ID or passport number, health answers — is kept only while the
 * customer's separate consent `sensitive_pi` is in force: the page leaves those out otherwise, and
 * the server refuses them.
 */
export async function saveApplicationDraft(ctx: Ctx, deps: { db: Db; keyring: Keyring }, input: { productCode: string; data: DraftData; saleId?: string }): Promise<{ updatedAt: Date }> {
  const customerId = await activeCustomerId(ctx, deps.db);
  const productId = await draftProductId(deps.db, input.productCode);
  const clear = JSON.stringify(input.data);
  if (clear.length > MAX_DRAFT_CHARACTERS) throw new AppError('payload_too_large', 'Application draft larger than a form');
  if (holdsSensitiveValue(input.data) && !(await hasConsent(deps.db, customerId, { purpose: 'sensitive_pi' }))) {
    throw new AppError('sensitive_pi_consent_required', 'Draft with sensitive fields refused without sensitive_pi consent');
  }
  return inTransaction(deps.db, async (tx) => {
    // A save sent while the same sale was being submitted must not bring back the draft the order
    // removed: both lock the sale, so the save sees the order and stops.
    if (input.saleId) await requireUnsubmittedSale(tx, input.saleId, saleOwnerOf(ctx));
    return writeDraft(tx, deps.keyring, { customerId, productId, clear });
  });
}

async function requireUnsubmittedSale(tx: DbOrTx, saleId: string, owner: SaleOwner): Promise<void> {
  const sale = await lockOwnedSale(tx, saleId, owner);
  const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.saleId, sale.id));
  if (order) throw new AppError('application_already_submitted', 'The sale of this draft already has an order');
}

async function writeDraft(tx: DbOrTx, keyring: Keyring, draft: { customerId: string; productId: string; clear: string }): Promise<{ updatedAt: Date }> {
  // The ciphertext is bound to its row id: a new row gets a new id, an existing one keeps its own.
  const id = newId('drf');
  const [inserted] = await tx
    .insert(applicationDrafts)
    .values({ id, customerId: draft.customerId, productId: draft.productId, dataEnc: encryptField(keyring, draftLocation(id), draft.clear) })
    .onConflictDoNothing()
    .returning({ updatedAt: applicationDrafts.updatedAt });
  if (inserted) return inserted;
  const [existing] = await tx.select({ id: applicationDrafts.id }).from(applicationDrafts).where(and(eq(applicationDrafts.customerId, draft.customerId), eq(applicationDrafts.productId, draft.productId)));
  if (!existing) throw new AppError('conflict', 'Application draft removed while being saved');
  const [updated] = await tx
    .update(applicationDrafts)
    .set({ dataEnc: encryptField(keyring, draftLocation(existing.id), draft.clear), updatedAt: sql`now()` })
    .where(eq(applicationDrafts.id, existing.id))
    .returning({ updatedAt: applicationDrafts.updatedAt });
  if (!updated) throw new AppError('conflict', 'Application draft removed while being saved');
  return updated;
}

/** The id of a product a draft may be kept for: any product of the catalogue, by its code. */
export async function draftProductId(db: DbOrTx, productCode: string): Promise<string> {
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.code, productCode));
  if (!product) throw new AppError('not_found', 'No product with this code');
  return product.id;
}

/** Does the form hold a document number or a health answer anywhere (a document type alone, an empty box, is none)? */
export function holdsSensitiveValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSensitiveValue);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, entry]) => (Object.hasOwn(SENSITIVE_KEYS, key) && SENSITIVE_KEYS[key]?.(entry) === true) || holdsSensitiveValue(entry));
}

