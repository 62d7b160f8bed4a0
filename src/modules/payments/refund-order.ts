import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { DbOrTx } from '../../db/types.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import type { ErrorCode } from '../../errors/error-codes.ts';
import type { RefundStatus } from '../../integrations/payment/payment-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { newId } from '../../shared/ids.ts';
import { paymentOfOrder, paymentOfOrderById, type PaymentDeps } from './payment-records.ts';
import { OPEN_REFUND_STATES, type RefundReason } from './payment-terms.ts';
import { refunds } from './schema.ts';

export interface RefundOrderInput {
  orderId: string;
  amountFen: number;
  reason: RefundReason;
  /** Chosen by the calling step from its own record (`decline_<orderId>`): the same key is the same refund. */
  idempotencyKey: string;
  /** The payment to give back from; by default the order's premium payment. */
  paymentId?: string;
}

export interface RefundOrderResult {
  refundId: string;
  status: RefundStatus;
}

export type RefundRow = typeof refunds.$inferSelect;

// The provider looked and said no: asking again with the same key cannot change its answer.
const finalRefusals = new Set<ErrorCode>(['payment_refund_too_large', 'payment_state_conflict', 'payment_unknown', 'payment_request_conflict']);

/**
 * Gives money of an order back (R-POL-8, R-POL-9, R-POL-10). The refund is recorded before the
 * provider is asked, under the caller's key, and the order's payment is locked meanwhile, so refunds
 * together — requested, pending or done — never exceed what was paid, even when steps race. The same
 * key resumes the same refund: a caller that crashed or met an unavailable provider calls again and
 * the provider (asked with the refund's own id as its key) pays out once. `failed` is final: the
 * provider refused it. Other provider failures throw, leaving the refund to be resumed.
 */
export async function refundOrder(ctx: Ctx, deps: PaymentDeps, input: RefundOrderInput): Promise<RefundOrderResult> {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new AppError('validation_failed', 'Refund amount must be a positive number of fen');
  const { refund, providerPaymentId } = await inTransaction(deps.db, async (tx) => {
    // Locked first: two refunds of one order take turns, so the second sees the first in the sum.
    const payment = input.paymentId === undefined ? await paymentOfOrder(tx, input.orderId, { lock: true }) : await paymentOfOrderById(tx, input.orderId, input.paymentId);
    if (payment?.status !== 'paid') throw new AppError('refund_without_payment', 'Refund of an order without a received payment', { details: { orderId: input.orderId } });
    const [earlier] = await tx.select().from(refunds).where(eq(refunds.idempotencyKey, input.idempotencyKey));
    if (earlier) return { refund: sameRefund(earlier, input), providerPaymentId: payment.providerPaymentId };
    const refundedFenSoFar = await refundedFen(tx, payment.id);
    if (refundedFenSoFar + input.amountFen > payment.amountFen) {
      throw new AppError('payment_refund_too_large', 'Refunds would exceed the amount paid', { details: { orderId: input.orderId, paidFen: payment.amountFen, refundedFen: refundedFenSoFar, askedFen: input.amountFen } });
    }
    const [row] = await tx
      .insert(refunds)
      .values({ id: newId('rfd'), orderId: input.orderId, paymentId: payment.id, amountFen: input.amountFen, reason: input.reason, status: 'requested', idempotencyKey: input.idempotencyKey })
      .returning();
    // Who gave money back, and why: the job of a decline, a staff member, the customer's cancellation.
    await recordAudit(tx, ctx, { action: 'create', record: `refunds/${(row as RefundRow).id}`, fields: ['amountFen', 'reason'] });
    return { refund: row as RefundRow, providerPaymentId: payment.providerPaymentId };
  });
  if (refund.status === 'succeeded' || refund.status === 'failed') return { refundId: refund.id, status: refund.status };
  return askProvider(deps, refund, providerPaymentId);
}

function sameRefund(earlier: RefundRow, input: RefundOrderInput): RefundRow {
  if (earlier.orderId === input.orderId && earlier.amountFen === input.amountFen && earlier.reason === input.reason) return earlier;
  throw new AppError('payment_request_conflict', 'Refund key already used for another refund', { details: { refundId: earlier.id } });
}

/** Sends a recorded refund to the provider, its own id the provider's key, and records the answer. */
export async function askProvider(deps: PaymentDeps, refund: RefundRow, providerPaymentId: string): Promise<RefundOrderResult> {
  let outcome: { status: RefundStatus; providerRefundId: string | null };
  try {
    const answer = await deps.provider.refund({ providerPaymentId, amountFen: refund.amountFen, reason: refund.reason, idempotencyKey: refund.id });
    outcome = { status: answer.status, providerRefundId: answer.providerRefundId };
  } catch (error) {
    if (!isAppError(error) || !finalRefusals.has(error.code)) throw error;
    outcome = { status: 'failed', providerRefundId: null };
  }
  await recordRefundOutcome(deps.db, refund.id, outcome);
  return { refundId: refund.id, status: outcome.status };
}

/** The provider's answer about a refund still open; an answer about one already settled changes nothing. */
export async function recordRefundOutcome(db: DbOrTx, refundId: string, outcome: { status: RefundStatus; providerRefundId: string | null }): Promise<void> {
  await db
    .update(refunds)
    .set({ ...outcome, updatedAt: sql`now()` })
    .where(and(eq(refunds.id, refundId), inArray(refunds.status, [...OPEN_REFUND_STATES])));
}

/** What was given back from a payment so far, counting refunds still on their way. */
export async function refundedFen(tx: DbOrTx, paymentId: string): Promise<number> {
  const [given] = await tx
    .select({ fen: sql<string>`coalesce(sum(${refunds.amountFen}), 0)` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), ne(refunds.status, 'failed')));
  return Number(given?.fen ?? 0);
}
