import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { PaymentPurpose, PaymentRecordStatus, RefundReason, RefundState } from './payment-terms.ts';
import { payments, refunds } from './schema.ts';

export interface OrderPayment {
  id: string;
  purpose: PaymentPurpose;
  amountFen: number;
  status: PaymentRecordStatus;
  paidAt: Date | null;
  createdAt: Date;
}

export interface OrderRefund {
  id: string;
  amountFen: number;
  reason: RefundReason;
  status: RefundState;
  createdAt: Date;
  /** When it last changed: for a refund that succeeded, about when the provider paid it out. */
  updatedAt: Date;
}

/** The refunds of an order, oldest first. The caller has checked who may see them. */
export async function refundsOfOrder(db: DbOrTx, orderId: string): Promise<OrderRefund[]> {
  return db
    .select({ id: refunds.id, amountFen: refunds.amountFen, reason: refunds.reason, status: refunds.status, createdAt: refunds.createdAt, updatedAt: refunds.updatedAt })
    .from(refunds)
    .where(eq(refunds.orderId, orderId))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
}

/**
 * The money of an order as customer service needs it (R-POL-8 … R-POL-10): each payment (the premium,
 * extras of date changes) and each refund with where it stands — a failed refund is money the
 * customer is still owed. The caller has checked who may see them.
 */
export async function orderMoney(db: DbOrTx, orderId: string): Promise<{ payments: OrderPayment[]; refunds: OrderRefund[] }> {
  const [paid, given] = await Promise.all([
    db
      .select({ id: payments.id, purpose: payments.purpose, amountFen: payments.amountFen, status: payments.status, paidAt: payments.paidAt, createdAt: payments.createdAt })
      .from(payments)
      .where(eq(payments.orderId, orderId))
      .orderBy(asc(payments.createdAt), asc(payments.id)),
    refundsOfOrder(db, orderId),
  ]);
  return { payments: paid, refunds: given };
}
