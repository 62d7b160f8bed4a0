import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../../privacy/catalogue/classify.ts';
import { orders } from '../orders/schema.ts';
import { PAYMENT_PURPOSES, PAYMENT_STATUSES, REFUND_REASONS, REFUND_STATES } from './payment-terms.ts';

/**
 * Money for an order (R-POL-8): the payment made at the provider, every paid signal received about
 * it (a notification, or the answer of a query when the payer came back), and the refunds. Nothing
 * here names a person: a payment belongs to an order, and the order to its customer or guest.
 */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    provider: text('provider').notNull(),
    providerPaymentId: text('provider_payment_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    payUrl: text('pay_url').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true, precision: 3 }),
    // `pay_<orderId>` for the premium, `pay_<dateChangeId>` for what a change of dates costs more.
    idempotencyKey: text('idempotency_key').notNull(),
    purpose: text('purpose', { enum: PAYMENT_PURPOSES }).notNull().default('premium'),
    // What the provider was told the payment is for (its merchant order number): the order's id for
    // the premium, the date change's id for a top-up. Null on rows from before top-ups: the order id.
    merchantReference: text('merchant_reference'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('payments_idempotency_key').on(table.idempotencyKey),
    uniqueIndex('payments_provider_payment_key').on(table.provider, table.providerPaymentId),
    index('payments_order_idx').on(table.orderId),
    check('payments_amount', sql`${table.amountFen} > 0`),
  ],
);

/**
 * Each paid signal handled, by the provider's id for it: a notification delivered again (the
 * provider retries until it is acknowledged, and a replay inside its signature window still
 * verifies) finds its row and changes nothing.
 */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    provider: text('provider').notNull(),
    // The provider's notification id; for a query after the payer's return, `query:<provider payment id>`.
    providerNotificationId: text('provider_notification_id').notNull(),
    source: text('source', { enum: ['notification', 'query'] }).notNull(),
    // What the order said to the money: paid now, paid already, or no longer payable (then refunded).
    outcome: text('outcome', { enum: ['paid', 'already_paid', 'not_payable'] }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('payment_notifications_provider_key').on(table.provider, table.providerNotificationId), index('payment_notifications_payment_idx').on(table.paymentId)],
);

/**
 * Money given back. The row is written before the provider is asked, under the caller's idempotency
 * key, so a retried refund resumes the same one and never pays out twice; refunds not failed count
 * against what was paid.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason', { enum: REFUND_REASONS }).notNull(),
    status: text('status', { enum: REFUND_STATES }).notNull(),
    providerRefundId: text('provider_refund_id'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('refunds_idempotency_key').on(table.idempotencyKey),
    index('refunds_order_idx').on(table.orderId),
    // The minute's follow-up of refunds still on their way reads only these (settle-refunds.ts).
    index('refunds_open_idx').on(table.status, table.updatedAt).where(sql`${table.status} in ('requested', 'pending')`),
    check('refunds_amount', sql`${table.amountFen} > 0`),
  ],
);

// The money of a contract is part of its insurance record (保险法 art. 87), kept and swept with its order.
const moneyDetail = pi({ category: 'insurance.policy', purposes: ['purchase', 'policy_service'], basis: 'contract', retention: 'insurance_record', storedAs: 'plain' });

classify(payments, {
  id: notPersonal('payment identifier'),
  orderId: notPersonal('order reference'),
  provider: notPersonal('name of an integration'),
  providerPaymentId: notPersonal('the provider’s reference of the payment'),
  amountFen: moneyDetail,
  status: notPersonal('state of the payment'),
  payUrl: notPersonal('address of the provider’s pay page, holding only its payment id'),
  expiresAt: notPersonal('time of a system event'),
  paidAt: moneyDetail,
  idempotencyKey: notPersonal('key derived from the order id'),
  purpose: notPersonal('what the payment pays for'),
  merchantReference: notPersonal('order or date change reference'),
  createdAt: moneyDetail,
  updatedAt: notPersonal('time of a system event'),
});

classify(paymentNotifications, {
  id: notPersonal('notification record identifier'),
  paymentId: notPersonal('payment reference'),
  provider: notPersonal('name of an integration'),
  providerNotificationId: notPersonal('the provider’s reference of a notification'),
  source: notPersonal('how the payment was learnt of'),
  outcome: notPersonal('what the order said to the payment'),
  receivedAt: moneyDetail,
});

classify(refunds, {
  id: notPersonal('refund identifier'),
  orderId: notPersonal('order reference'),
  paymentId: notPersonal('payment reference'),
  amountFen: moneyDetail,
  reason: moneyDetail,
  status: notPersonal('state of the refund'),
  providerRefundId: notPersonal('the provider’s reference of a refund'),
  idempotencyKey: notPersonal('key chosen by the calling step'),
  createdAt: moneyDetail,
  updatedAt: notPersonal('time of a system event'),
});
