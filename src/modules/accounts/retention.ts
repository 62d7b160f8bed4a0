import { sql } from 'drizzle-orm';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';
import { profileSweepRules } from './profile/retention.ts';

/**
 * What anonymising an account does: the number, password and exact dates go; the row and its id stay
 * (policies, claims and the audit log refer to it) with the sign-up month, for statistics.
 */
export const anonymiseCustomer = sql`status = 'anonymised', phone_enc = null, phone_bidx = 'anonymised:' || id, password_hash = null, password_set_at = null,
  last_sign_in_at = null, closed_at = coalesce(closed_at, now()), created_at = date_trunc('month', created_at)`;

/** Days after closing an account before it is anonymised: time to reverse a mistaken closure. */
export const CLOSED_ACCOUNT_GRACE_DAYS = 30;

/** What the accounts domain keeps only for a while (see the retention rules in its schema's catalogue). */
export const accountsSweepRules: SweepRule[] = [
  { table: 'sms_challenges', keyColumn: 'id', rule: 'short_lived_secret', action: { kind: 'delete' }, expired: sql`expires_at < now() - interval '1 day'` },
  { table: 'sign_in_locks', keyColumn: 'subject_key', rule: 'short_lived_secret', action: { kind: 'delete' }, expired: sql`locked_until < now() - interval '1 day'` },
  {
    table: 'sessions',
    keyColumn: 'id',
    rule: 'session_lifetime',
    action: { kind: 'delete' },
    expired: sql`coalesce(revoked_at, least(expires_at, absolute_expires_at)) < now() - interval '30 days'`,
  },
  { table: 'security_events', keyColumn: 'id', rule: 'security_log_6_months', action: { kind: 'delete' }, expired: sql`at < now() - interval '6 months'` },
  {
    // A closed account is anonymised, not deleted: other records refer to its id.
    table: 'customers',
    keyColumn: 'id',
    rule: 'until_account_closed',
    subjectColumn: 'id',
    action: { kind: 'anonymise', set: anonymiseCustomer },
    expired: sql`customers.status = 'closed' and customers.closed_at < now() - make_interval(days => ${CLOSED_ACCOUNT_GRACE_DAYS})`,
  },
  ...profileSweepRules(CLOSED_ACCOUNT_GRACE_DAYS),
];
