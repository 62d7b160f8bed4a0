import { and, asc, eq, gt, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import type { PaymentProvider, RefundStatus } from '../../integrations/payment/payment-provider.ts';
import { askProvider, recordRefundOutcome, type RefundRow } from './refund-order.ts';
import { payments, refunds } from './schema.ts';

export interface SettleRefundsDeps {
  db: Db;
  /** Null where no provider is configured: then no refund was ever sent to one. */
  provider: PaymentProvider | null;
  /** Told of a refund that could not be followed up this time (it is tried again on the next run). */
  onError?: (refundId: string, error: unknown) => void;
}

export interface SettleRefundsCounts {
  /** Paid out: the provider now says `succeeded`. */
  succeeded: number;
  /** The provider gave up on them: the money did not go back, and staff must act (logged as a warning). */
  failed: number;
  /** Still on their way at the provider. */
  stillPending: number;
  /** Left as they were after an error; the next run tries again. */
  errors: number;
}

/** A refund just recorded is its caller's to send: the sweep takes over only from this age. */
export const RESUME_REQUESTED_AFTER_MS = 2 * 60_000;
const BATCH = 200;

/**
 * Follows refunds to their end (R-POL-8 … R-POL-10). A provider may answer a refund `pending` (real
 * ones take from minutes to days to reach the payer's card); each run asks it again until the refund
 * has `succeeded` or `failed`. A refund still `requested` a while after it was recorded — its caller
 * crashed, or met the provider unavailable and no retry came — is sent again under its own id as the
 * provider's key, so it pays out once. Runs every minute (`payments.settle-refunds`).
 */
export async function settleRefunds(deps: SettleRefundsDeps, now: Date = new Date()): Promise<SettleRefundsCounts> {
  const counts: SettleRefundsCounts = { succeeded: 0, failed: 0, stillPending: 0, errors: 0 };
  if (!deps.provider) return counts;
  const provider = deps.provider;
  const resumeBefore = new Date(now.getTime() - RESUME_REQUESTED_AFTER_MS);
  let after = '';
  for (;;) {
    const open = await deps.db
      .select({ refund: refunds, providerPaymentId: payments.providerPaymentId })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(and(or(eq(refunds.status, 'pending'), and(eq(refunds.status, 'requested'), lte(refunds.updatedAt, resumeBefore))), gt(refunds.id, after)))
      .orderBy(asc(refunds.id))
      .limit(BATCH);
    for (const { refund, providerPaymentId } of open) {
      try {
        count(counts, await followUp({ db: deps.db, provider }, refund, providerPaymentId));
      } catch (error) {
        counts.errors += 1;
        deps.onError?.(refund.id, error);
      }
    }
    if (open.length < BATCH) return counts;
    after = (open.at(-1) as (typeof open)[number]).refund.id;
  }
}

async function followUp(deps: { db: Db; provider: PaymentProvider }, refund: RefundRow, providerPaymentId: string): Promise<RefundStatus> {
  if (refund.status === 'requested' || !refund.providerRefundId) return (await askProvider(deps, refund, providerPaymentId)).status;
  const answer = await deps.provider.queryRefund(providerPaymentId, refund.providerRefundId);
  if (answer.status !== 'pending') await recordRefundOutcome(deps.db, refund.id, answer);
  return answer.status;
}

function count(counts: SettleRefundsCounts, status: RefundStatus): void {
  if (status === 'succeeded') counts.succeeded += 1;
  else if (status === 'failed') counts.failed += 1;
  else counts.stillPending += 1;
}
