import { sql, type SQL } from 'drizzle-orm';
import { notUnderHold } from '../../privacy/retention/legal-hold-condition.ts';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';

/**
 * Payments, their paid signals and refunds are part of their order's insurance record: they go when
 * their order goes (its own retain-until, no hold on it or its customer) and, as they refer to it,
 * before it — these rules must run ahead of the orders' rules.
 */
const orderGoes = (orderId: SQL) =>
  sql`exists (select 1 from orders where orders.id = ${orderId} and orders.retain_until < now() and ${notUnderHold({ table: 'orders', keyColumn: 'id', subjectColumn: 'customer_id' })})`;

export const paymentsSweepRules: SweepRule[] = [
  { table: 'refunds', keyColumn: 'id', rule: 'insurance_record', action: { kind: 'delete' }, expired: orderGoes(sql`refunds.order_id`) },
  {
    table: 'payment_notifications',
    keyColumn: 'id',
    rule: 'insurance_record',
    action: { kind: 'delete' },
    expired: sql`exists (select 1 from payments where payments.id = payment_notifications.payment_id and ${orderGoes(sql`payments.order_id`)})`,
  },
  { table: 'payments', keyColumn: 'id', rule: 'insurance_record', action: { kind: 'delete' }, expired: orderGoes(sql`payments.order_id`) },
];
