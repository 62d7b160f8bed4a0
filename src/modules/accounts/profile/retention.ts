import { sql } from 'drizzle-orm';
import type { SweepRule } from '../../../privacy/retention/sweep-rule.ts';

const accountGone = (customerIdColumn: ReturnType<typeof sql>, graceDays: number) =>
  sql`exists (select 1 from customers c where c.id = ${customerIdColumn}
    and c.status in ('closed', 'anonymised') and c.closed_at < now() - make_interval(days => ${graceDays}))`;

/**
 * The 个人信息 of a closed account is deleted with the account's anonymisation (until_account_closed):
 * the profile, the identity document with it, and the edit history, once the account's grace days are
 * over. A legal hold on the person keeps them.
 */
export const profileSweepRules = (graceDays: number): SweepRule[] => [
  { table: 'customer_profiles', keyColumn: 'id', rule: 'until_account_closed', subjectColumn: 'id', action: { kind: 'delete' }, expired: accountGone(sql`customer_profiles.id`, graceDays) },
  {
    table: 'customer_profile_changes',
    keyColumn: 'id',
    rule: 'until_account_closed',
    subjectColumn: 'customer_id',
    action: { kind: 'delete' },
    expired: accountGone(sql`customer_profile_changes.customer_id`, graceDays),
  },
];
