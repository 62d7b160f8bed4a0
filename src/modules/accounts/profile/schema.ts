import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../../../privacy/catalogue/classify.ts';

/**
 * The customer's 个人信息 (R-ACC-4), one row per customer, keyed by the customer's id. Every value
 * is encrypted per field (bound to this table, its column and the customer id): the identity
 * document because it is sensitive (PIPL art. 28), the rest because there is no reason to keep it
 * readable. The identity document is one JSON value — type, number, issuing country — so a type can
 * never be paired with another document's number; its blind index finds a document without
 * decrypting anything. A null column is a field the person has not filled in.
 */
export const customerProfiles = pgTable(
  'customer_profiles',
  {
    // The customer's id (cus_…): one profile per customer, and the row id the ciphertexts are bound to.
    id: text('id').primaryKey(),
    nameEnc: text('name_enc'),
    genderEnc: text('gender_enc'),
    companyEnc: text('company_enc'),
    idDocumentEnc: text('id_document_enc'),
    idNumberBidx: text('id_number_bidx'),
    emailEnc: text('email_enc'),
    addressEnc: text('address_enc'),
    otherInfoEnc: text('other_info_enc'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('customer_profiles_id_number_bidx_idx').on(table.idNumberBidx)],
);

export const profileChangeChannels = ['web', 'console', 'api'] as const;
export type ProfileChangeChannel = (typeof profileChangeChannels)[number];

/**
 * The edit history the person sees on the page: which fields changed, when, by whom and through
 * which channel — never the values, old or new.
 */
export const customerProfileChanges = pgTable(
  'customer_profile_changes',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    fields: text('fields').array().notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    channel: text('channel', { enum: profileChangeChannels }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('customer_profile_changes_customer_at_idx').on(table.customerId, table.at)],
);

// Purchase: the profile pre-fills the applicant of an application, which the person checks and sends.
const profile = { basis: 'contract', retention: 'until_account_closed', storedAs: 'encrypted' } as const;

classify(customerProfiles, {
  id: pi({ category: 'identity.internal_id', purposes: ['account'], basis: 'contract', retention: 'until_account_closed', storedAs: 'plain' }),
  nameEnc: pi({ category: 'identity.name', purposes: ['account', 'purchase', 'customer_service'], ...profile }),
  genderEnc: pi({ category: 'identity.gender', purposes: ['account', 'purchase'], ...profile }),
  companyEnc: pi({ category: 'identity.employer', purposes: ['account', 'purchase'], ...profile }),
  // Sensitive: kept only with the person's separate consent (sensitive_pi), which is the basis.
  idDocumentEnc: pi({ category: 'identity.government_id', purposes: ['account', 'purchase'], ...profile, basis: 'consent' }),
  idNumberBidx: pi({ category: 'identity.government_id', purposes: ['account', 'purchase'], ...profile, basis: 'consent', storedAs: 'keyed_hash' }),
  // Marketing e-mails use the address only while the person's marketing_email consent is in force (checked per message).
  emailEnc: pi({ category: 'contact.email', purposes: ['account', 'purchase', 'customer_service', 'marketing'], ...profile }),
  addressEnc: pi({ category: 'contact.address', purposes: ['account', 'purchase', 'customer_service'], ...profile }),
  otherInfoEnc: pi({ category: 'profile.note', purposes: ['account', 'customer_service'], ...profile }),
  createdAt: notPersonal('time of a system event'),
  updatedAt: notPersonal('time of a system event'),
});

classify(customerProfileChanges, {
  id: notPersonal('change identifier'),
  customerId: pi({ category: 'identity.internal_id', purposes: ['account', 'security'], basis: 'contract', retention: 'until_account_closed', storedAs: 'plain' }),
  fields: notPersonal('names of fields, never their values'),
  actorType: notPersonal('kind of actor'),
  actorId: pi({ category: 'identity.internal_id', purposes: ['account', 'security'], basis: 'contract', retention: 'until_account_closed', storedAs: 'plain' }),
  channel: notPersonal('where the change was made'),
  at: pi({ category: 'activity.access_record', purposes: ['account', 'security'], basis: 'contract', retention: 'until_account_closed', storedAs: 'plain' }),
});
