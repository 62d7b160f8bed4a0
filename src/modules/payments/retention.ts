import { sql } from 'drizzle-orm';
import { withOrderThatGoes } from '../orders/retention.ts';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';

/**
 * Payments, their paid signals and refunds are part of their order's insurance record: they go when
 * their order goes (its own retain-until, no hold on it or its customer) and, as they refer to it,
 * before it — these rules must run ahead of the orders' rules.
 */
export const paymentsSweepRules: SweepRule[] = [
  { table: 'refunds', keyColumn: 'id', rule: 'insurance_record', action: { kind: 'delete' }, expired: withOrderThatGoes(sql`refunds.order_id`) },
  {
    table: 'payment_notifications',
    keyColumn: 'id',
    rule: 'insurance_record',
    action: { kind: 'delete' },
    expired: sql`exists (select 1 from payments where payments.id = payment_notifications.payment_id and ${withOrderThatGoes(sql`payments.order_id`)})`,
  },
  { table: 'payments', keyColumn: 'id', rule: 'insurance_record', action: { kind: 'delete' }, expired: withOrderThatGoes(sql`payments.order_id`) },
];
