import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal } from '../catalogue/classify.ts';
import { documentKinds } from '../../shared/policy-documents.ts';

/**
 * Versions of the privacy policy, the user agreement and the cookie policy (R-UPD-1), in zh-CN and
 * English markdown. A draft can be edited; once published (with an effective time) a version never
 * changes: its text hash is what consent records point at. `material` and `narrows_rights` decide
 * whether people are asked to consent again or only told (R-UPD-2).
 */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: text('id').primaryKey(),
    document: text('document', { enum: documentKinds }).notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull().default('draft'),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    summaryZh: text('summary_zh').notNull(),
    summaryEn: text('summary_en').notNull(),
    material: boolean('material').notNull().default(false),
    narrowsRights: boolean('narrows_rights').notNull().default(false),
    textHash: text('text_hash'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    effectiveAt: timestamp('effective_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('document_versions_document_version_key').on(table.document, table.version),
    check('document_versions_published_complete', sql`${table.status} = 'draft' or (${table.textHash} is not null and ${table.publishedAt} is not null and ${table.effectiveAt} is not null)`),
  ],
);

classify(documentVersions, {
  id: notPersonal('version identifier'),
  document: notPersonal('kind of document'),
  version: notPersonal('version number'),
  status: notPersonal('draft or published'),
  titleZh: notPersonal('published text'),
  titleEn: notPersonal('published text'),
  bodyZh: notPersonal('published text'),
  bodyEn: notPersonal('published text'),
  summaryZh: notPersonal('published text'),
  summaryEn: notPersonal('published text'),
  material: notPersonal('flag'),
  narrowsRights: notPersonal('flag'),
  textHash: notPersonal('hash of the published text'),
  publishedAt: notPersonal('time of publication'),
  effectiveAt: notPersonal('time it takes effect'),
  createdBy: notPersonal('staff member who drafted it'),
  createdAt: notPersonal('time of drafting'),
  updatedAt: notPersonal('time of the last edit'),
});
