import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../../privacy/catalogue/classify.ts';

export const ageGroups = ['at_least_14', 'under_14'] as const;
export type AgeGroup = (typeof ageGroups)[number];
export const guardianRelationships = ['father', 'mother', 'other_guardian'] as const;
export type GuardianRelationship = (typeof guardianRelationships)[number];

/**
 * How old an account holder is, as far as the platform knows (R-MIN-1): declared at registration,
 * or derived from an ID number or birth date later. Under 14 the account needs a guardian's consent
 * before anything but the guardian flow, reading and deleting works.
 */
export const customerAges = pgTable('customer_ages', {
  customerId: text('customer_id').primaryKey(),
  // Encrypted: that a person is under 14 is itself minors' data (sensitive, PIPL art. 28).
  ageGroupEnc: text('age_group_enc').notNull(),
  source: text('source', { enum: ['declared', 'id_number', 'birth_date'] }).notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A guardian's consent for a child's account: the guardian proved control of their own mobile with a
 * code, stated the relationship and agreed to the text whose consent record is referenced.
 */
export const guardianConsents = pgTable(
  'guardian_consents',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    guardianPhoneEnc: text('guardian_phone_enc').notNull(),
    guardianPhoneBidx: text('guardian_phone_bidx').notNull(),
    relationshipEnc: text('relationship_enc').notNull(),
    consentRecordId: text('consent_record_id').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (table) => [index('guardian_consents_customer_idx').on(table.customerId)],
);

const minorAccount = { purposes: ['account', 'legal_obligation'], basis: 'legal_obligation', retention: 'until_account_closed' } as const;

classify(customerAges, {
  customerId: pi({ category: 'identity.internal_id', ...minorAccount, storedAs: 'plain' }),
  // Only the band, never the birth date.
  ageGroupEnc: pi({ category: 'minor', ...minorAccount, storedAs: 'encrypted' }),
  source: notPersonal('how the age band was learnt'),
  decidedAt: notPersonal('time of the decision'),
});

classify(guardianConsents, {
  id: notPersonal('consent identifier'),
  customerId: pi({ category: 'identity.internal_id', ...minorAccount, storedAs: 'plain' }),
  guardianPhoneEnc: pi({ category: 'contact.phone', ...minorAccount, storedAs: 'encrypted' }),
  guardianPhoneBidx: pi({ category: 'contact.phone', ...minorAccount, storedAs: 'keyed_hash' }),
  relationshipEnc: pi({ category: 'minor', ...minorAccount, storedAs: 'encrypted' }),
  consentRecordId: notPersonal('consent record identifier'),
  grantedAt: notPersonal('time of consent'),
  withdrawnAt: notPersonal('time of withdrawal'),
});
