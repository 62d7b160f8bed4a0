import { date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../catalogue/classify.ts';

export const recipientTypes = ['insurer', 'investigator', 'loss_adjuster', 'payment_provider', 'sms_provider', 'email_provider', 'assistance_provider', 'affiliate'] as const;
export type RecipientType = (typeof recipientTypes)[number];

/**
 * Third parties that may receive personal information (R-SHR-1): what for, which categories, and the
 * confidentiality / data-processing agreement that must be in force before anything is sent.
 */
export const recipients = pgTable(
  'recipients',
  {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  // Which of the platform's integrations sends to this recipient (e.g. `sms.aliyun`), if any.
  integration: text('integration'),
  type: text('type', { enum: recipientTypes }).notNull(),
  country: text('country').notNull().default('CN'),
  purposes: text('purposes').array().notNull(),
  categories: text('categories').array().notNull(),
  agreementReference: text('agreement_reference'),
  agreementSignedOn: date('agreement_signed_on'),
  agreementExpiresOn: date('agreement_expires_on'),
  status: text('status', { enum: ['active', 'suspended'] }).notNull().default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('recipients_integration_key').on(table.integration)],
);

/**
 * The ledger of every disclosure (R-SHR-2): who received which fields of whom, for what purpose, on
 * which legal basis, when, and on whose action. A person sees their own entries ("who received my data").
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: text('id').primaryKey(),
    recipientId: text('recipient_id').notNull(),
    subjectKey: text('subject_key').notNull(),
    fields: text('fields').array().notNull(),
    categories: text('categories').array().notNull(),
    purpose: text('purpose').notNull(),
    basis: text('basis').notNull(),
    // With basis `consent`: the consent relied on (`purpose:marketing_sms`), current when disclosed.
    consentMatter: text('consent_matter'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    requestId: text('request_id').notNull(),
  },
  (table) => [index('disclosures_subject_at_idx').on(table.subjectKey, table.at)],
);

classify(recipients, {
  id: notPersonal('recipient identifier'),
  name: notPersonal('name of an organisation'),
  integration: notPersonal('name of an integration'),
  type: notPersonal('kind of organisation'),
  country: notPersonal('country of an organisation'),
  purposes: notPersonal('declared purposes'),
  categories: notPersonal('names of categories'),
  agreementReference: notPersonal('contract reference'),
  agreementSignedOn: notPersonal('contract date'),
  agreementExpiresOn: notPersonal('contract date'),
  status: notPersonal('state'),
  createdAt: notPersonal('time of a system event'),
});

const ledger = { purposes: ['legal_obligation', 'customer_service'], basis: 'legal_obligation', retention: 'audit_record_5_years', storedAs: 'plain' } as const;

classify(disclosures, {
  id: notPersonal('disclosure identifier'),
  recipientId: notPersonal('recipient identifier'),
  subjectKey: pi({ category: 'identity.internal_id', ...ledger, storedAs: 'keyed_hash' }),
  fields: notPersonal('names of fields, never their values'),
  categories: notPersonal('names of categories'),
  purpose: notPersonal('declared purpose'),
  basis: notPersonal('legal basis'),
  consentMatter: notPersonal('name of the consent relied on'),
  at: pi({ category: 'activity.access_record', ...ledger }),
  actorType: notPersonal('kind of actor'),
  actorId: pi({ category: 'identity.internal_id', ...ledger }),
  requestId: notPersonal('request identifier'),
});
