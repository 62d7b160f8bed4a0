import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../../privacy/catalogue/classify.ts';

/**
 * Customer accounts. The phone number is personal information: stored only encrypted (phone_enc,
 * bound to this row) and as a keyed blind index (phone_bidx) for sign-in lookups.
 */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    // Null once the account is anonymised (closed and past retention, with no hold on it).
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx').notNull(),
    passwordHash: text('password_hash'),
    passwordSetAt: timestamp('password_set_at', { withTimezone: true }),
    status: text('status', { enum: ['active', 'closed', 'anonymised'] }).notNull().default('active'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('customers_phone_bidx_key').on(table.phoneBidx)],
);

/**
 * Server-side sessions of customers, guests and staff. The cookie holds a random token; only its
 * SHA-256 is stored, so a database dump cannot be replayed as sessions.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    kind: text('kind', { enum: ['customer', 'guest', 'staff'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    device: text('device').notNull(),
    ipPrefix: text('ip_prefix'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('sessions_token_hash_key').on(table.tokenHash), index('sessions_subject_idx').on(table.subjectId)],
);

/** What an SMS code is for: a code sent for one purpose never works for another. */
export const smsCodePurposes = ['sign_in', 'phone_change', 'step_up', 'guardian_consent'] as const;
export type SmsCodePurpose = (typeof smsCodePurposes)[number];

/** One SMS code sent to a phone. The code is kept only as an HMAC; used once; 5 minutes valid. */
export const smsChallenges = pgTable(
  'sms_challenges',
  {
    id: text('id').primaryKey(),
    phoneBidx: text('phone_bidx').notNull(),
    purpose: text('purpose', { enum: smsCodePurposes }).notNull().default('sign_in'),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (table) => [index('sms_challenges_phone_created_idx').on(table.phoneBidx, table.createdAt), check('sms_challenges_attempts_not_negative', sql`${table.attempts} >= 0`)],
);

/**
 * Events counted by rate limits and lockouts (code sent, wrong code, wrong password), keyed by a
 * blind index or a hashed IP — never the raw value. In the database, so limits hold across processes.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    subjectKey: text('subject_key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('security_events_kind_subject_at_idx').on(table.kind, table.subjectKey, table.at)],
);

/** A temporary lock after repeated failures (5 wrong codes or passwords: 15 minutes). */
export const signInLocks = pgTable('sign_in_locks', {
  subjectKey: text('subject_key').primaryKey(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
});

const account = { purposes: ['account', 'security'], basis: 'contract', retention: 'until_account_closed' } as const;
const securityLog = { purposes: ['security'], basis: 'legal_obligation', retention: 'security_log_6_months' } as const;

classify(customers, {
  id: pi({ category: 'identity.internal_id', ...account, storedAs: 'plain' }),
  // Marketing SMS use the number only while the person's marketing_sms consent is in force (checked per message).
  phoneEnc: pi({ category: 'contact.phone', ...account, purposes: ['account', 'security', 'customer_service', 'marketing'], storedAs: 'encrypted' }),
  phoneBidx: pi({ category: 'contact.phone', ...account, storedAs: 'keyed_hash' }),
  passwordHash: pi({ category: 'credentials.secret', ...account, storedAs: 'hash' }),
  passwordSetAt: notPersonal('time of a system event'),
  status: notPersonal('account state'),
  closedAt: notPersonal('time the account was closed'),
  createdAt: pi({ category: 'activity.access_record', ...account, storedAs: 'plain' }),
  lastSignInAt: pi({ category: 'activity.access_record', ...account, storedAs: 'plain' }),
});

classify(sessions, {
  id: notPersonal('session identifier'),
  tokenHash: pi({ category: 'credentials.secret', purposes: ['security'], basis: 'contract', retention: 'session_lifetime', storedAs: 'hash' }),
  kind: notPersonal('kind of session'),
  subjectId: pi({ category: 'identity.internal_id', purposes: ['security'], basis: 'contract', retention: 'session_lifetime', storedAs: 'plain' }),
  device: pi({ category: 'device', purposes: ['security'], basis: 'contract', retention: 'session_lifetime', storedAs: 'plain' }),
  ipPrefix: pi({ category: 'network.ip', purposes: ['security'], basis: 'contract', retention: 'session_lifetime', storedAs: 'plain' }),
  createdAt: notPersonal('time of a system event'),
  lastSeenAt: pi({ category: 'activity.access_record', purposes: ['security'], basis: 'contract', retention: 'session_lifetime', storedAs: 'plain' }),
  expiresAt: notPersonal('time of a system event'),
  absoluteExpiresAt: notPersonal('time of a system event'),
  revokedAt: notPersonal('time of a system event'),
});

classify(smsChallenges, {
  id: notPersonal('challenge identifier'),
  phoneBidx: pi({ category: 'contact.phone', purposes: ['account', 'security'], basis: 'contract', retention: 'short_lived_secret', storedAs: 'keyed_hash' }),
  purpose: notPersonal('what the code is for'),
  codeHash: pi({ category: 'credentials.secret', purposes: ['account', 'security'], basis: 'contract', retention: 'short_lived_secret', storedAs: 'keyed_hash' }),
  attempts: notPersonal('count'),
  createdAt: notPersonal('time of a system event'),
  expiresAt: notPersonal('time of a system event'),
  consumedAt: notPersonal('time of a system event'),
});

classify(securityEvents, {
  id: notPersonal('event identifier'),
  kind: notPersonal('kind of event'),
  subjectKey: pi({ category: 'contact.phone', ...securityLog, storedAs: 'keyed_hash' }),
  at: notPersonal('time of a system event'),
});

classify(signInLocks, {
  subjectKey: pi({ category: 'contact.phone', ...securityLog, storedAs: 'keyed_hash' }),
  lockedUntil: notPersonal('time of a system event'),
});
