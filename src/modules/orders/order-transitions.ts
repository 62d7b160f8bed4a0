import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { insuranceRecordRetainUntil } from '../../privacy/catalogue/retention-rules.ts';
import type { OrderStatus } from '../../shared/orders.ts';
import { orders, sales } from './schema.ts';

export type OrderRow = typeof orders.$inferSelect;

/** How long an order that never became a contract (expired unpaid) is kept after it closed. */
const UNPAID_ORDER_DAYS = 30;

/**
 * Moves an order from one of `from` to `to` in one conditional UPDATE, so two callers racing (a
 * payment callback and the expiry job, two deliveries of the same callback) cannot both move it:
 * the loser gets null and decides what that means. The sale's retention follows the order's.
 */
export async function moveOrder(tx: DbOrTx, orderId: string, from: readonly OrderStatus[], to: OrderStatus, set: Partial<Pick<OrderRow, 'paidAt' | 'issuedAt' | 'closedAt'>> = {}): Promise<OrderRow | null> {
  const [row] = await tx
    .update(orders)
    .set({ status: to, ...set, updatedAt: sql`now()` })
    .where(and(eq(orders.id, orderId), inArray(orders.status, [...from])))
    .returning();
  if (!row) return null;
  const retainUntil = retainUntilOf(row);
  if (retainUntil.getTime() !== row.retainUntil.getTime()) {
    await tx.update(orders).set({ retainUntil }).where(eq(orders.id, orderId));
    await tx.update(sales).set({ retainUntil }).where(eq(sales.id, row.saleId));
  }
  return { ...row, retainUntil };
}

/**
 * An order's retain-until by its state: an unpaid one a month after it closed; once money moved,
 * the insurance record's (保险法 art. 87, counted from the end of cover — a refund or cancellation
 * is part of that record).
 */
export function retainUntilOf(order: Pick<OrderRow, 'status' | 'expiresAt' | 'closedAt' | 'coverStart' | 'coverEnd'>): Date {
  if (order.status === 'awaiting_payment' || order.status === 'expired') {
    return new Date((order.closedAt ?? order.expiresAt).getTime() + UNPAID_ORDER_DAYS * 86_400_000);
  }
  return insuranceRecordRetainUntil(new Date(`${order.coverStart}T00:00:00+08:00`), new Date(`${order.coverEnd}T24:00:00+08:00`));
}

export type PaymentOutcome = { outcome: 'paid'; order: OrderRow } | { outcome: 'already_paid'; order: OrderRow } | { outcome: 'not_payable'; order: OrderRow };

/**
 * A payment provider confirmed the money (R-POL-8). The amount must be the order's premium to the
 * fen, or nothing moves. Delivered twice, the second answers `already_paid`; for an order that can
 * no longer be paid (expired, cancelled) the answer is `not_payable`, and the caller refunds.
 */
export async function markOrderPaid(tx: DbOrTx, input: { orderId: string; amountFen: number; paidAt: Date }): Promise<PaymentOutcome> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for('update');
  if (!order) throw new AppError('order_not_found', 'Payment for an unknown order');
  if (order.premiumFen !== input.amountFen) throw new AppError('conflict', 'Paid amount differs from the order premium', { details: { orderId: order.id, premiumFen: order.premiumFen, paidFen: input.amountFen } });
  if (order.status !== 'awaiting_payment') return { outcome: order.paidAt ? 'already_paid' : 'not_payable', order };
  const paid = await moveOrder(tx, order.id, ['awaiting_payment'], 'paid', { paidAt: input.paidAt });
  return { outcome: 'paid', order: paid as OrderRow };
}
