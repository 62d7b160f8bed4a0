import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Customer accounts. The phone number is personal information: stored only encrypted (phone_enc,
 * bound to this row) and as a keyed blind index (phone_bidx) for sign-in lookups.
 */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    phoneEnc: text('phone_enc').notNull(),
    phoneBidx: text('phone_bidx').notNull(),
    passwordHash: text('password_hash'),
    passwordSetAt: timestamp('password_set_at', { withTimezone: true }),
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
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

/** One SMS code sent to a phone. The code is kept only as an HMAC; used once; 5 minutes valid. */
export const smsChallenges = pgTable(
  'sms_challenges',
  {
    id: text('id').primaryKey(),
    phoneBidx: text('phone_bidx').notNull(),
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
