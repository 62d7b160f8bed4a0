import { and, eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { newId } from '../../shared/ids.ts';
import { requestDateChangeCompletion } from '../date-changes/date-change-deps.ts';
import { markDateChangePaid } from '../date-changes/mark-date-change-paid.ts';
import { markOrderPaid } from '../orders/order-transitions.ts';
import { requestIssuance } from '../policies/request-issuance.ts';
import { paymentAtProvider, type PaidPaymentDeps } from './payment-records.ts';
import { refundOrder, type RefundOrderResult } from './refund-order.ts';
import { paymentNotifications, payments } from './schema.ts';

/** The provider says a payment is paid: in a verified notification, or in its answer to our query. */
export interface PaidSignal {
  source: 'notification' | 'query';
  /** The provider's notification id; the same on every delivery of one notification. */
  signalId: string;
  providerPaymentId: string;
  merchantOrderId: string;
  amountFen: number;
  paidAt: Date;
}

export type PaidOutcome = 'paid' | 'already_paid' | 'not_payable';

export interface AppliedSignal {
  orderId: string;
  outcome: PaidOutcome;
  /** This signal had been handled before: nothing changed this time. */
  isRepeat: boolean;
  /** The money given back when the order was no longer payable. */
  refund: RefundOrderResult | null;
}

/**
 * One path for every "it is paid" (R-POL-8), whichever way it arrives. The signal is recorded and the
 * order marked paid in one transaction, under a lock on the payment, so deliveries racing each other
 * or the payer's return change the order once. Refused, with nothing changed, when the payment is
 * not ours or the money differs from it (the order checks its premium too). After commit: a newly
 * paid order has its policy requested; money for an order no longer payable (paid after it expired)
 * goes back in full — asked again on every repeat of the signal until the refund is through, since
 * the provider repeats until we acknowledge. The extra premium of a change of dates takes the same
 * path: its change is paid and the insurer's endorsement queued.
 */
export async function applyPaidSignal(ctx: Ctx, deps: PaidPaymentDeps, signal: PaidSignal): Promise<AppliedSignal> {
  const applied = await inTransaction(deps.db, async (tx) => {
    const payment = await paymentAtProvider(tx, deps.provider.name, signal.providerPaymentId);
    if (!payment) throw new AppError('payment_unknown', 'Paid signal for a payment we did not make', { details: { provider: deps.provider.name, source: signal.source } });
    if ((payment.merchantReference ?? payment.orderId) !== signal.merchantOrderId || payment.amountFen !== signal.amountFen) {
      throw new AppError('conflict', 'Paid signal does not match its payment', { details: { paymentId: payment.id, expectedFen: payment.amountFen, paidFen: signal.amountFen } });
    }
    const [earlier] = await tx
      .select({ outcome: paymentNotifications.outcome })
      .from(paymentNotifications)
      .where(and(eq(paymentNotifications.provider, deps.provider.name), eq(paymentNotifications.providerNotificationId, signal.signalId)));
    if (earlier) return { payment, outcome: earlier.outcome, isRepeat: true };
    const { outcome } = payment.purpose === 'date_change' ? await markDateChangePaid(tx, payment.id, signal.paidAt) : await markOrderPaid(tx, { orderId: payment.orderId, amountFen: signal.amountFen, paidAt: signal.paidAt });
    await tx
      .update(payments)
      .set({ status: 'paid', paidAt: sql`coalesce(${payments.paidAt}, ${signal.paidAt.toISOString()}::timestamptz)`, updatedAt: sql`now()` })
      .where(eq(payments.id, payment.id));
    await tx.insert(paymentNotifications).values({ id: newId('pnt'), paymentId: payment.id, provider: deps.provider.name, providerNotificationId: signal.signalId, source: signal.source, outcome });
    return { payment, outcome, isRepeat: false };
  });
  const { payment, outcome, isRepeat } = applied;
  if (outcome === 'paid' && !isRepeat) await (payment.purpose === 'date_change' ? requestDateChangeCompletion(deps.enqueue, payment.merchantReference ?? '') : requestIssuance(deps.enqueue, payment.orderId));
  const refund =
    outcome === 'not_payable' ? await refundOrder(ctx, deps, { orderId: payment.orderId, paymentId: payment.id, amountFen: payment.amountFen, reason: 'late_payment', idempotencyKey: `late_${payment.id}` }) : null;
  return { orderId: payment.orderId, outcome, isRepeat, refund };
}
