import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { consentActions, consentChannels } from '../../shared/consents.ts';
import { classify, notPersonal, pi } from '../catalogue/classify.ts';

/**
 * The evidence of every consent decision (R-UPD-1, R-USE-1): who (a customer, or an anonymous
 * visitor's random id), about what (a document version or a purpose), the hash of the exact text
 * shown, what they did, through which channel, when, from where. Only ever inserted: a withdrawal is a
 * new record, so the history shows what was lawful when.
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type', { enum: ['customer', 'visitor'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    matter: text('matter').notNull(),
    version: integer('version'),
    textHash: text('text_hash').notNull(),
    action: text('action', { enum: consentActions }).notNull(),
    channel: text('channel', { enum: consentChannels }).notNull(),
    // Who acted for the person when it was not the person: a guardian (`guardian`) or staff on request.
    actedBy: text('acted_by'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    ip: text('ip'),
  },
  (table) => [index('consent_records_subject_at_idx').on(table.subjectId, table.at)],
);

/**
 * The current answer per person and matter, kept in step with consent_records in the same
 * transaction, so a check (a marketing job, a disclosure) is one primary-key lookup.
 */
export const consentState = pgTable(
  'consent_state',
  {
    subjectId: text('subject_id').notNull(),
    matter: text('matter').notNull(),
    granted: boolean('granted').notNull(),
    version: integer('version'),
    recordId: text('record_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  // By matter: who currently says yes to one purpose (the marketing job walks it in id order).
  (table) => [primaryKey({ columns: [table.subjectId, table.matter] }), index('consent_state_matter_subject_idx').on(table.matter, table.subjectId)],
);

const evidence = { purposes: ['legal_obligation'], basis: 'legal_obligation', retention: 'consent_evidence' } as const;

classify(consentRecords, {
  id: notPersonal('record identifier'),
  subjectType: notPersonal('kind of subject'),
  subjectId: pi({ category: 'identity.internal_id', ...evidence, storedAs: 'plain' }),
  matter: notPersonal('name of a document or purpose'),
  version: notPersonal('document version'),
  textHash: notPersonal('hash of a published text'),
  action: notPersonal('what was decided'),
  channel: notPersonal('where it was decided'),
  actedBy: notPersonal('role of whoever acted for the person'),
  at: notPersonal('time of the decision'),
  ip: pi({ category: 'network.ip', ...evidence, storedAs: 'plain' }),
});

classify(consentState, {
  subjectId: pi({ category: 'identity.internal_id', ...evidence, storedAs: 'plain' }),
  matter: notPersonal('name of a document or purpose'),
  granted: notPersonal('the current answer'),
  version: notPersonal('document version'),
  recordId: notPersonal('record identifier'),
  updatedAt: notPersonal('time of the last decision'),
});
