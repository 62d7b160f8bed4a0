import { sql, type SQL } from 'drizzle-orm';
import { notUnderHold } from '../../privacy/retention/legal-hold-condition.ts';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';

/**
 * An order and its sale carry their own retain-until: short for an order never paid, the insurance
 * record's (保险法 art. 87) once issued — kept in step by the use cases that move an order on. The
 * people of an order and the steps of a sale go first (they refer to their order or sale), and only
 * when their order or sale goes: a hold on the order, on the sale or on the person keeps them all.
 */
const ordersRule = { table: 'orders', keyColumn: 'id', subjectColumn: 'customer_id' } as const;
const salesRule = { table: 'sales', keyColumn: 'id', subjectColumn: 'customer_id' } as const;
const orderGoes = sql`orders.retain_until < now() and ${notUnderHold(ordersRule)}`;

/** True for rows of other tables (payments, policies) whose order goes in this sweep: they go first, as they refer to it. */
export function withOrderThatGoes(orderId: SQL): SQL {
  return sql`exists (select 1 from orders where orders.id = ${orderId} and ${orderGoes})`;
}
const saleGoes = sql`sales.retain_until < now() and ${notUnderHold(salesRule)} and not exists (select 1 from orders where orders.sale_id = sales.id)`;

export const ordersSweepRules: SweepRule[] = [
  {
    table: 'order_parties',
    keyColumn: 'id',
    rule: 'insurance_record',
    action: { kind: 'delete' },
    expired: withOrderThatGoes(sql`order_parties.order_id`),
  },
  { ...ordersRule, rule: 'insurance_record', action: { kind: 'delete' }, expired: orderGoes },
  {
    table: 'sale_steps',
    keyColumn: 'id',
    rule: 'insurance_record',
    action: { kind: 'delete' },
    expired: sql`exists (select 1 from sales where sales.id = sale_steps.sale_id and ${saleGoes})`,
  },
  { ...salesRule, rule: 'insurance_record', action: { kind: 'delete' }, expired: saleGoes },
  { table: 'application_drafts', keyColumn: 'id', subjectColumn: 'customer_id', rule: 'draft_30_days', action: { kind: 'delete' }, expired: sql`application_drafts.updated_at < now() - interval '30 days'` },
];
