import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { compiledQuery } from '../../db/compiled-query.ts';
import type { Db, DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { OrderStatus } from '../../shared/orders.ts';
import { orderSummaries, orderSummaryQuery, summariesOf, type OrderSummary } from './order-summary.ts';
import { waitWhileOrderStatus } from './order-status-watch.ts';
import { saleOwnerOf } from './sale-owner.ts';
import { orders } from './schema.ts';

/**
 * The condition on `orders` that keeps those of the signed-in customer or of this guest session, for
 * a query that reads an order's policy or people with the order (one query, ownership included).
 */
export function isOwnOrder(ctx: Ctx): SQL | undefined {
  const owner = saleOwnerOf(ctx);
  return owner.customerId !== null ? eq(orders.customerId, owner.customerId) : and(isNull(orders.customerId), eq(orders.guestId, owner.guestId as string));
}

/** The orders of the signed-in customer or of this guest session (我的保险 → 订单), newest first. */
export async function listOwnOrders(ctx: Ctx, db: DbOrTx): Promise<OrderSummary[]> {
  return orderSummaries(db, isOwnOrder(ctx));
}

/** One order of the customer or guest; somebody else's answers "not found", like a missing one. */
export async function getOwnOrder(ctx: Ctx, db: DbOrTx, orderId: string): Promise<OrderSummary> {
  const owner = saleOwnerOf(ctx);
  const rows = owner.customerId !== null ? await customerOrder(db, { orderId, customerId: owner.customerId }) : await guestOrder(db, { orderId, guestId: owner.guestId });
  const [order] = summariesOf(rows);
  if (!order) throw new AppError('order_not_found', 'No order with this id for this session');
  return order;
}

// `isOwnOrder` with one order, for each kind of owner: every page of a purchase after the
// application reads its order so, so the statements are built once (compiled-query.ts).
const customerOrder = compiledQuery((db) =>
  orderSummaryQuery(db, and(eq(orders.id, sql.placeholder('orderId')), eq(orders.customerId, sql.placeholder('customerId'))), 1),
);
const guestOrder = compiledQuery((db) =>
  orderSummaryQuery(db, and(eq(orders.id, sql.placeholder('orderId')), isNull(orders.customerId), eq(orders.guestId, sql.placeholder('guestId'))), 1),
);

/**
 * One order of the customer or guest, answered once its status is no longer `whileStatus` — or
 * after `timeoutMs` as it then stands. A page waiting for its policy (出单中) asks once and is
 * answered when the policy is issued, instead of asking every few seconds.
 */
export async function waitForOwnOrder(ctx: Ctx, db: Db, orderId: string, wait: { whileStatus: OrderStatus; timeoutMs: number; signal?: AbortSignal }): Promise<OrderSummary> {
  const order = await getOwnOrder(ctx, db, orderId);
  if (order.status !== wait.whileStatus) return order;
  await waitWhileOrderStatus(db, order.id, wait.whileStatus, wait.timeoutMs, wait.signal);
  return getOwnOrder(ctx, db, orderId);
}
