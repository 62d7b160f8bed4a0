import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { refundsOfOrder, type OrderRefund } from './order-money.ts';

/**
 * The money given back on an order of this customer or guest session (R-POL-8 … R-POL-10), oldest
 * first: after a cancellation, a cheaper change of dates or a declined application, the person sees
 * each refund and whether it is still on its way, as the provider reports it.
 */
export async function listOwnRefunds(ctx: Ctx, db: DbOrTx, orderId: string): Promise<OrderRefund[]> {
  const order = await getOwnOrder(ctx, db, orderId);
  return refundsOfOrder(db, order.id);
}
