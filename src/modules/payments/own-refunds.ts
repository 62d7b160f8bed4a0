import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import type { RefundReason, RefundState } from './payment-terms.ts';
import { refunds } from './schema.ts';

export interface OwnRefund {
  id: string;
  amountFen: number;
  reason: RefundReason;
  status: RefundState;
  createdAt: Date;
  /** When it last changed: for a refund that succeeded, about when the provider paid it out. */
  updatedAt: Date;
}

/**
 * The money given back on an order of this customer or guest session (R-POL-8 … R-POL-10), oldest
 * first: after a cancellation, a cheaper change of dates or a declined application, the person sees
 * each refund and whether it is still on its way, as the provider reports it.
 */
export async function listOwnRefunds(ctx: Ctx, db: DbOrTx, orderId: string): Promise<OwnRefund[]> {
  const order = await getOwnOrder(ctx, db, orderId);
  return db
    .select({ id: refunds.id, amountFen: refunds.amountFen, reason: refunds.reason, status: refunds.status, createdAt: refunds.createdAt, updatedAt: refunds.updatedAt })
    .from(refunds)
    .where(eq(refunds.orderId, order.id))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
}
