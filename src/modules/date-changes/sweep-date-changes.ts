import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import type { PaymentProvider } from '../../integrations/payment/payment-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { closeAtProvider } from '../payments/expire-unpaid-orders.ts';
import { markPaymentClosed } from '../payments/payment-records.ts';
import { payments } from '../payments/schema.ts';
import type { Enqueue } from '../policies/request-issuance.ts';
import { requestDateChangeCompletion } from './date-change-deps.ts';
import { dateChanges } from './schema.ts';

export interface DateChangeSweepDeps {
  db: Db;
  provider: PaymentProvider | null;
  enqueue: Enqueue;
  onError?: (dateChangeId: string, error: unknown) => void;
}

export interface DateChangeSweepCounts {
  expired: number;
  paidMeanwhile: number;
  requeued: number;
  failed: number;
}

const BATCH = 200;
// A paid change normally completes within seconds; one still waiting after this lost its job.
const STUCK_MINUTES = 5;

/**
 * Every minute (R-POL-10): changes of dates whose extra premium was not paid in time lapse, their
 * payment closed at the provider first (one found paid is applied instead; money arriving after the
 * lapse goes back through the paid signal); paid changes left waiting — their job lost in a crash —
 * are queued again, the insurer's key keeping them to one endorsement.
 */
export async function sweepDateChanges(ctx: Ctx, deps: DateChangeSweepDeps, now: Date = new Date()): Promise<DateChangeSweepCounts> {
  const counts: DateChangeSweepCounts = { expired: 0, paidMeanwhile: 0, requeued: 0, failed: 0 };
  const due = await deps.db
    .select({ id: dateChanges.id, payment: payments })
    .from(dateChanges)
    .leftJoin(payments, eq(payments.id, dateChanges.topUpPaymentId))
    .where(and(eq(dateChanges.status, 'awaiting_payment'), lte(dateChanges.expiresAt, now)))
    .orderBy(asc(dateChanges.id))
    .limit(BATCH);
  for (const { id, payment } of due) {
    try {
      const closing = payment?.status === 'pending' ? await closeAtProvider(ctx, deps, payment) : 'nothing_to_close';
      if (closing === 'paid') {
        counts.paidMeanwhile += 1;
        continue;
      }
      await deps.db.update(dateChanges).set({ status: 'expired', updatedAt: sql`now()` }).where(and(eq(dateChanges.id, id), eq(dateChanges.status, 'awaiting_payment')));
      if (payment && closing === 'closed') await markPaymentClosed(deps.db, payment.id);
      counts.expired += 1;
    } catch (error) {
      counts.failed += 1;
      deps.onError?.(id, error);
    }
  }
  const stuck = await deps.db
    .select({ id: dateChanges.id })
    .from(dateChanges)
    .where(and(eq(dateChanges.status, 'paid'), lte(dateChanges.updatedAt, new Date(now.getTime() - STUCK_MINUTES * 60_000))))
    .limit(BATCH);
  for (const { id } of stuck) await requestDateChangeCompletion(deps.enqueue, id);
  counts.requeued = stuck.length;
  return counts;
}
