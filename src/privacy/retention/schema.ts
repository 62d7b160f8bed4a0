import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../catalogue/classify.ts';

export const legalHoldKinds = ['insurance_record', 'dispute', 'litigation', 'regulatory_inquiry'] as const;
export type LegalHoldKind = (typeof legalHoldKinds)[number];

/**
 * Legal holds (R-STO-2): while a hold is in force, the retention sweep neither deletes nor
 * anonymises what it covers. A hold covers exactly one record (`record_table` + `record_id`: an
 * insurance policy kept 5 or 10 years after it ends) or, with no record, everything of one person (an
 * open dispute). It ends at `retain_until` (computed, e.g. for insurance records) or when released.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: text('id').primaryKey(),
    subjectId: text('subject_id').notNull(),
    recordTable: text('record_table'),
    recordId: text('record_id'),
    kind: text('kind', { enum: legalHoldKinds }).notNull(),
    // A case or file reference (e.g. 仲裁 case number), never a description of the person.
    reference: text('reference').notNull(),
    retainUntil: timestamp('retain_until', { withTimezone: true }),
    placedBy: text('placed_by').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull().defaultNow(),
    releasedBy: text('released_by'),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (table) => [index('legal_holds_subject_idx').on(table.subjectId), index('legal_holds_record_idx').on(table.recordTable, table.recordId)],
);

const holdRecord = { purposes: ['legal_obligation'], basis: 'legal_obligation', retention: 'audit_record_5_years', storedAs: 'plain' } as const;

classify(legalHolds, {
  id: notPersonal('hold identifier'),
  subjectId: pi({ category: 'identity.internal_id', ...holdRecord }),
  recordTable: notPersonal('name of a table'),
  recordId: notPersonal('identifier of a record'),
  kind: notPersonal('kind of hold'),
  reference: notPersonal('case or file reference'),
  retainUntil: notPersonal('end of the hold'),
  placedBy: notPersonal('staff member or system job that placed the hold'),
  placedAt: notPersonal('time the hold was placed'),
  releasedBy: notPersonal('staff member who released the hold'),
  releasedAt: notPersonal('time the hold was released'),
});
