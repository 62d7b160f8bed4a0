import { integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../../privacy/catalogue/classify.ts';

/**
 * Staff accounts of the console. Sign-in is username + password + TOTP; the TOTP secret is stored
 * encrypted (bound to this row). Roles are a list: one person can be, say, customer service and auditor.
 */
export const staffMembers = pgTable(
  'staff_members',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    totpSecretEnc: text('totp_secret_enc'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    // The last time step whose code was accepted: a code can be used once, even within its 30 s.
    totpLastStep: integer('totp_last_step'),
    roles: text('roles').array().notNull(),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('staff_members_username_key').on(table.username)],
);

const employment = { purposes: ['security'], basis: 'hr_management', retention: 'employment' } as const;

classify(staffMembers, {
  id: pi({ category: 'identity.internal_id', ...employment, storedAs: 'plain' }),
  username: pi({ category: 'staff.identity', ...employment, storedAs: 'plain' }),
  displayName: pi({ category: 'staff.identity', ...employment, storedAs: 'plain' }),
  passwordHash: pi({ category: 'credentials.secret', ...employment, storedAs: 'hash' }),
  totpSecretEnc: pi({ category: 'credentials.secret', ...employment, storedAs: 'encrypted' }),
  totpEnrolledAt: notPersonal('time of a system event'),
  totpLastStep: notPersonal('time step counter'),
  roles: pi({ category: 'staff.identity', ...employment, storedAs: 'plain' }),
  status: notPersonal('account state'),
  createdAt: notPersonal('time of a system event'),
  lastSignInAt: pi({ category: 'activity.access_record', ...employment, storedAs: 'plain' }),
});
