import { sql } from 'drizzle-orm';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';

/**
 * Marketing records are kept a year after sending: long enough to answer "why did I get this?" and
 * for an unsubscribe link to keep working, then deleted.
 */
export const marketingSweepRules: SweepRule[] = [
  { table: 'marketing_deliveries', keyColumn: 'id', rule: 'marketing_record_1_year', subjectColumn: 'customer_id', action: { kind: 'delete' }, expired: sql`marketing_deliveries.created_at < now() - interval '1 year'` },
  { table: 'unsubscribe_tokens', keyColumn: 'token_hash', rule: 'marketing_record_1_year', subjectColumn: 'customer_id', action: { kind: 'delete' }, expired: sql`unsubscribe_tokens.expires_at < now()` },
  { table: 'marketing_messages', keyColumn: 'id', rule: 'marketing_record_1_year', subjectColumn: 'customer_id', action: { kind: 'delete' }, expired: sql`marketing_messages.created_at < now() - interval '1 year'` },
];
