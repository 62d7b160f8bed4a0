import { and, asc, eq, lt, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { orders } from '../orders/schema.ts';
import { ISSUE_POLICY_JOB, type Enqueue } from './request-issuance.ts';
import { policies } from './schema.ts';

export const REISSUE_PAID_ORDERS_JOB = 'policies.reissue-paid-orders';

const BATCH = 500;
// A paid order normally has its policy within seconds; one still waiting after this lost its job
// (a crash between the payment and the queueing) or ran out of retries while the insurer was down.
const WAITING_MINUTES = 2;
// The issuance job retries with backoff for about a quarter of an hour: queueing an order again more
// often would only pile up jobs for it during a long outage of its insurer.
const REQUEUE_EVERY_SECONDS = 15 * 60;

/**
 * The reconciliation behind "a paid order is always issued or refunded" (R-POL-9): every paid order
 * without a policy that has waited past the normal time is queued for issuance again, at most once
 * per slot per order. Issuance is idempotent, so a job queued for an order another job is already
 * issuing does no harm. Returns how many were queued.
 */
export async function reissuePaidOrders(db: DbOrTx, enqueue: Enqueue): Promise<number> {
  if (!enqueue) return 0;
  const waiting = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, 'paid'), lt(orders.paidAt, sql`now() - make_interval(mins => ${WAITING_MINUTES})`), notExists(db.select({ id: policies.id }).from(policies).where(eq(policies.orderId, orders.id)))))
    .orderBy(asc(orders.paidAt))
    .limit(BATCH);
  let queued = 0;
  for (const { id } of waiting) {
    if (await enqueue(ISSUE_POLICY_JOB, { orderId: id }, { singletonKey: id, singletonSeconds: REQUEUE_EVERY_SECONDS })) queued += 1;
  }
  return queued;
}
