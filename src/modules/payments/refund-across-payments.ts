import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { paidPaymentsOfOrder, type PaymentDeps } from './payment-records.ts';
import type { RefundReason } from './payment-terms.ts';
import { refundedFen, refundOrder, type RefundOrderResult } from './refund-order.ts';
import { refunds } from './schema.ts';

/**
 * Gives back an amount of an order that may have been paid in more than one payment (the premium,
 * then the extra of a change of dates): from the premium first, then from each later payment, each
 * part a refund of its own payment. The premium's part keeps the caller's key and each later part
 * adds its payment's id, so a retry finds the parts already made and asks only for the rest.
 */
export async function refundAcrossPayments(ctx: Ctx, deps: PaymentDeps, input: { orderId: string; amountFen: number; reason: RefundReason; idempotencyKey: string }): Promise<RefundOrderResult[]> {
  const paid = await paidPaymentsOfOrder(deps.db, input.orderId);
  const results: RefundOrderResult[] = [];
  let left = input.amountFen;
  for (const [index, payment] of paid.entries()) {
    if (left <= 0) break;
    const key = index === 0 ? input.idempotencyKey : `${input.idempotencyKey}:${payment.id}`;
    const [earlier] = await deps.db.select({ amountFen: refunds.amountFen }).from(refunds).where(eq(refunds.idempotencyKey, key));
    const part = earlier ? earlier.amountFen : Math.min(left, payment.amountFen - (await refundedFen(deps.db, payment.id)));
    if (part <= 0) continue;
    results.push(await refundOrder(ctx, deps, { orderId: input.orderId, paymentId: payment.id, amountFen: part, reason: input.reason, idempotencyKey: key }));
    left -= part;
  }
  if (left > 0) throw new AppError('payment_refund_too_large', 'Refunds would exceed the amounts paid', { details: { orderId: input.orderId, askedFen: input.amountFen, leftFen: left } });
  return results;
}
