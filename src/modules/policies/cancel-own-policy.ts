import { and, eq } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { PurchaseIntegrations } from '../../integrations/purchase-integrations.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { moveOrder } from '../orders/order-transitions.ts';
import { refundAcrossPayments } from '../payments/refund-across-payments.ts';
import { cancellableOwnPolicy } from './cancellation-terms.ts';
import { policies } from './schema.ts';

/**
 * 退保 within the cooling-off period, or before a trip's cover starts (R-POL-10). The person saw the
 * refund first (preview) and confirms the amount they saw: if the insurer's answer differs, nothing
 * is cancelled and they see the new figure. Then, each step under a key of this policy so a retry
 * resumes rather than repeats: the insurer cancels, the refund goes back through the payment
 * provider, and policy and order close together.
 */
export async function cancelOwnPolicy(ctx: Ctx, deps: { db: Db; purchase: PurchaseIntegrations }, input: { policyId: string; expectedRefundFen: number }): Promise<{ refundFen: number }> {
  const terms = await cancellableOwnPolicy(ctx, deps.db, input.policyId);
  const insurer = deps.purchase.insurerFor(terms.insurerCode);
  const request = { policyNumber: terms.policy.insurerPolicyNumber, effectiveDate: terms.effectiveDate };
  const preview = Math.min((await insurer.previewCancellation(request)).refundFen, terms.premiumFen);
  if (preview !== input.expectedRefundFen) throw new AppError('cancellation_refund_changed', 'Refund differs from the one shown', { details: { policyId: input.policyId } });

  const key = `can_${terms.policy.id}`;
  const cancelled = await insurer.cancelPolicy({ ...request, idempotencyKey: key });
  const refundFen = Math.min(cancelled.refundFen, terms.premiumFen);
  if (refundFen > 0) {
    // Out of the premium and, after a longer trip was paid for, out of that extra payment too.
    const parts = await refundAcrossPayments(ctx, { db: deps.db, provider: deps.purchase.payment }, { orderId: terms.order.id, amountFen: refundFen, reason: 'cooling_off_cancellation', idempotencyKey: key });
    if (parts.some((part) => part.status === 'failed')) throw new AppError('payment_provider_failed', 'Refund of a cancelled policy refused by the provider', { details: { policyId: input.policyId } });
  }
  await inTransaction(deps.db, async (tx) => {
    await tx.update(policies).set({ status: 'cancelled', cancelledAt: cancelled.cancelledAt }).where(and(eq(policies.id, terms.policy.id), eq(policies.status, 'issued')));
    await moveOrder(tx, terms.order.id, ['issued'], 'cancelled', { closedAt: cancelled.cancelledAt });
    await recordAudit(tx, ctx, { action: 'update', record: `policies/${terms.policy.id}`, fields: ['status:cancelled', 'refund'] });
  });
  return { refundFen };
}
