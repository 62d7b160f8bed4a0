import { sql } from 'drizzle-orm';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';

/** What the accounts domain keeps only for a while (see the retention rules in its schema's catalogue). */
export const accountsSweepRules: SweepRule[] = [
  { table: 'sms_challenges', keyColumn: 'id', rule: 'short_lived_secret', expired: sql`expires_at < now() - interval '1 day'` },
  { table: 'sign_in_locks', keyColumn: 'subject_key', rule: 'short_lived_secret', expired: sql`locked_until < now() - interval '1 day'` },
  {
    table: 'sessions',
    keyColumn: 'id',
    rule: 'session_lifetime',
    expired: sql`coalesce(revoked_at, least(expires_at, absolute_expires_at)) < now() - interval '30 days'`,
  },
  { table: 'security_events', keyColumn: 'id', rule: 'security_log_6_months', expired: sql`at < now() - interval '6 months'` },
];
