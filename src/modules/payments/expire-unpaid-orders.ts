import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { isAppError } from '../../errors/app-error.ts';
import type { PaymentProvider } from '../../integrations/payment/payment-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { moveOrder } from '../orders/order-transitions.ts';
import { orders } from '../orders/schema.ts';
import type { Enqueue } from '../policies/request-issuance.ts';
import { applyPaidSignal } from './apply-paid-signal.ts';
import { markPaymentClosed, paymentOfOrder, type PaymentRow } from './payment-records.ts';
import { queryPaidSignal } from './query-paid-signal.ts';

export interface ExpiryDeps {
  db: Db;
  /** Null where no provider is configured: orders then never have a payment to close. */
  provider: PaymentProvider | null;
  enqueue: Enqueue;
  /** Told of an order that could not be handled this time (it is tried again on the next run). */
  onError?: (orderId: string, error: unknown) => void;
}

export interface ExpiryCounts {
  /** Orders moved to expired. */
  expired: number;
  /** Found paid at the provider when we came to close them: marked paid instead. */
  paidMeanwhile: number;
  /** Expired although their payment could not be closed (provider unreachable): paying now is refunded. */
  closeFailed: number;
  /** Left as they were after an error; the next run tries again. */
  failed: number;
}

const BATCH = 200;

/**
 * Unpaid orders lapse (R-POL-8, 30 minutes after the application). Each one past its time has its
 * payment closed at the provider first, so it can no longer be paid; a payment the provider says is
 * already paid makes the order paid instead (its notification is on the way). When the provider
 * cannot be reached the order expires all the same — on time, whatever the provider's state — and
 * money that still arrives finds an order no longer payable and goes back (applyPaidSignal).
 */
export async function expireUnpaidOrders(ctx: Ctx, deps: ExpiryDeps, now: Date = new Date()): Promise<ExpiryCounts> {
  const counts: ExpiryCounts = { expired: 0, paidMeanwhile: 0, closeFailed: 0, failed: 0 };
  let after = '';
  for (;;) {
    // The orders domain's own index (status, expires_at) finds them; ids page through them once.
    const due = await deps.db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.status, 'awaiting_payment'), lte(orders.expiresAt, now), gt(orders.id, after)))
      .orderBy(asc(orders.id))
      .limit(BATCH);
    for (const { id } of due) {
      await expireOne(ctx, deps, id, now, counts).catch((error: unknown) => {
        counts.failed += 1;
        deps.onError?.(id, error);
      });
    }
    if (due.length < BATCH) return counts;
    after = (due.at(-1) as { id: string }).id;
  }
}

async function expireOne(ctx: Ctx, deps: ExpiryDeps, orderId: string, now: Date, counts: ExpiryCounts): Promise<void> {
  const payment = await paymentOfOrder(deps.db, orderId);
  const closing = payment?.status === 'pending' ? await closeAtProvider(ctx, deps, payment) : 'nothing_to_close';
  if (closing === 'paid') {
    counts.paidMeanwhile += 1;
    return;
  }
  if (closing === 'failed') counts.closeFailed += 1;
  const moved = await inTransaction(deps.db, async (tx) => {
    const order = await moveOrder(tx, orderId, ['awaiting_payment'], 'expired', { closedAt: now });
    if (order && payment && closing === 'closed') await markPaymentClosed(tx, payment.id);
    return order !== null;
  });
  if (moved) counts.expired += 1;
}

/** Closes a pending payment at the provider so it can no longer be paid; one already paid is applied instead. */
export async function closeAtProvider(ctx: Ctx, deps: Pick<ExpiryDeps, 'db' | 'provider' | 'enqueue'>, payment: PaymentRow): Promise<'closed' | 'paid' | 'failed'> {
  const provider = deps.provider;
  if (!provider || provider.name !== payment.provider) return 'failed';
  try {
    await provider.closePayment(payment.providerPaymentId);
    return 'closed';
  } catch (error) {
    if (!isAppError(error) || error.code !== 'payment_state_conflict') return 'failed';
  }
  // Refused because it is paid: the notification has not arrived (or not been handled) yet.
  const signal = await queryPaidSignal(provider, payment).catch(() => null);
  if (!signal) return 'failed';
  await applyPaidSignal(ctx, { db: deps.db, provider, enqueue: deps.enqueue }, signal);
  return 'paid';
}
