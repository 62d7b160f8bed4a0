import { and, asc, eq, sql } from 'drizzle-orm';
import { compiledQuery } from '../../db/compiled-query.ts';
import type { Db, DbOrTx } from '../../db/types.ts';
import type { PaymentProvider } from '../../integrations/payment/payment-provider.ts';
import type { Enqueue } from '../policies/request-issuance.ts';
import { paymentKeyOf } from './payment-terms.ts';
import { payments } from './schema.ts';

export type PaymentRow = typeof payments.$inferSelect;

export interface PaymentDeps {
  db: Db;
  provider: PaymentProvider;
}

/** What the steps that act on a paid payment need: issuance is queued after a payment commits. */
export interface PaidPaymentDeps extends PaymentDeps {
  enqueue: Enqueue;
}

/** The order's one payment (its key is derived from the order), or null before the payer asked to pay. */
export async function paymentOfOrder(db: DbOrTx, orderId: string, options: { lock?: boolean } = {}): Promise<PaymentRow | null> {
  const [row] = await (options.lock ? lockedPaymentByKey : paymentByKey)(db, { key: paymentKeyOf(orderId) });
  return row ?? null;
}

// Each page of paying reads the order's payment: built once (compiled-query.ts).
const selectPaymentByKey = (db: DbOrTx) => db.select().from(payments).where(eq(payments.idempotencyKey, sql.placeholder('key')));
const paymentByKey = compiledQuery(selectPaymentByKey);
const lockedPaymentByKey = compiledQuery((db) => selectPaymentByKey(db).for('update'));

/** One payment of the order (its premium or a top-up), locked for the caller's transaction. */
export async function paymentOfOrderById(db: DbOrTx, orderId: string, paymentId: string): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, paymentId), eq(payments.orderId, orderId)))
    .for('update');
  return row ?? null;
}

/** The order's payments that were paid, the premium first: what refunds can come out of. */
export async function paidPaymentsOfOrder(db: DbOrTx, orderId: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.status, 'paid')))
    .orderBy(asc(payments.createdAt), asc(payments.id));
}

/** Our record of a payment closed at the provider (it lapsed unpaid); a paid one stays paid. */
export async function markPaymentClosed(db: DbOrTx, paymentId: string): Promise<void> {
  await db.update(payments).set({ status: 'closed', updatedAt: sql`now()` }).where(and(eq(payments.id, paymentId), eq(payments.status, 'pending')));
}

export async function paymentAtProvider(db: DbOrTx, provider: string, providerPaymentId: string): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.provider, provider), eq(payments.providerPaymentId, providerPaymentId)))
    .for('update');
  return row ?? null;
}
