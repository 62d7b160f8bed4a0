import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal } from '../../privacy/catalogue/classify.ts';
import type { Zone } from '../../shared/catalogue/destinations.ts';
import { COVERAGE_ITEMS, DOCUMENT_KINDS, PRODUCT_STATUSES, PRODUCT_TYPES, type ApplicantField } from '../../shared/catalogue/terms.ts';
import type { RatingTable } from './rating/rating-table.ts';

/**
 * The product catalogue (R-POL-1): insurers, their products, the plans of each product with their
 * coverage tables, the documents people must be shown (条款, 投保须知, 责任免除, 健康告知) and the rating
 * tables (R-POL-3). None of it is personal information: it is what the broker publishes. Documents
 * and rating tables are versioned and never change once written (the database refuses it), so a sale
 * can later record the hash of exactly what was shown and priced.
 */
export const insurers = pgTable('insurers', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  fullNameZh: text('full_name_zh').notNull(),
  fullNameEn: text('full_name_en').notNull(),
  shortNameZh: text('short_name_zh').notNull(),
  shortNameEn: text('short_name_en').notNull(),
  // 经营保险业务许可证 number of the company.
  licenceNumber: text('licence_number').notNull(),
  servicePhone: text('service_phone').notNull(),
  claimsHotline: text('claims_hotline').notNull(),
  website: text('website'),
  addressZh: text('address_zh').notNull(),
  addressEn: text('address_en').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    // The address of the product page: /products/<code>.
    code: text('code').notNull().unique(),
    insurerId: text('insurer_id')
      .notNull()
      .references(() => insurers.id),
    type: text('type', { enum: PRODUCT_TYPES }).notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    summaryZh: text('summary_zh').notNull(),
    summaryEn: text('summary_en').notNull(),
    // Territory: the zones the product covers.
    zones: text('zones').array().$type<Zone[]>().notNull(),
    // Days of cover: a trip's range, or the term (min = max) of a yearly product.
    minDays: integer('min_days').notNull(),
    maxDays: integer('max_days').notNull(),
    // Annual multi-trip: the longest single trip covered.
    maxTripDays: integer('max_trip_days'),
    minAge: integer('min_age').notNull(),
    maxAge: integer('max_age').notNull(),
    maxInsured: integer('max_insured').notNull().default(50),
    coolingOffDays: integer('cooling_off_days').notNull(),
    // Data minimisation: only these fields are asked of the policyholder and of each insured person.
    policyholderFields: text('policyholder_fields').array().$type<ApplicantField[]>().notNull(),
    insuredFields: text('insured_fields').array().$type<ApplicantField[]>().notNull(),
    status: text('status', { enum: PRODUCT_STATUSES }).notNull().default('draft'),
    sortOrder: integer('sort_order').notNull().default(100),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('products_status_idx').on(table.status, table.sortOrder),
    check('products_days_range', sql`${table.minDays} >= 1 and ${table.minDays} <= ${table.maxDays}`),
    check('products_age_range', sql`${table.minAge} >= 0 and ${table.minAge} <= ${table.maxAge}`),
    check('products_cooling_off', sql`${table.coolingOffDays} >= 0`),
  ],
);

export const plans = pgTable(
  'plans',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    code: text('code').notNull(),
    // Higher levels cover at least as much and cost at least as much (checked before publishing).
    level: integer('level').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    // Meets the Schengen visa rules: ≥ 30,000 EUR medical and repatriation for the whole stay.
    schengenCompliant: boolean('schengen_compliant').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('plans_product_code_key').on(table.productId, table.code), uniqueIndex('plans_product_level_key').on(table.productId, table.level)],
);

export const planCoverages = pgTable(
  'plan_coverages',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    position: integer('position').notNull(),
    item: text('item', { enum: COVERAGE_ITEMS }).notNull(),
    // The insurer's own wording of the item, and conditions (e.g. "每满 4 小时赔 300 元").
    itemZh: text('item_zh').notNull(),
    itemEn: text('item_en').notNull(),
    detailZh: text('detail_zh').notNull().default(''),
    detailEn: text('detail_en').notNull().default(''),
    sumInsuredFen: bigint('sum_insured_fen', { mode: 'number' }).notNull(),
    deductibleFen: bigint('deductible_fen', { mode: 'number' }).notNull().default(0),
  },
  (table) => [
    uniqueIndex('plan_coverages_plan_item_key').on(table.planId, table.item),
    check('plan_coverages_amounts', sql`${table.sumInsuredFen} >= 0 and ${table.deductibleFen} >= 0`),
  ],
);

export interface HealthQuestion {
  id: string;
  zh: string;
  en: string;
}

export const productDocuments = pgTable(
  'product_documents',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    version: integer('version').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    // 健康告知 only: the questions, each answered yes or no.
    questions: jsonb('questions').$type<HealthQuestion[]>(),
    // SHA-256 of the canonical content (document-hash.ts): what a sale records as shown.
    textHash: text('text_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('product_documents_version_key').on(table.productId, table.kind, table.version)],
);

export const ratingTables = pgTable(
  'rating_tables',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<RatingTable>().notNull(),
    // SHA-256 of the canonical definition: what a quote and a sale record as priced.
    contentHash: text('content_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('rating_tables_version_key').on(table.productId, table.version)],
);

/**
 * Search statistics (R-POL-2): how often a keyword was searched on a day, and nothing else — no
 * person, session, visitor id, IP, time of day or order of searches, so no search can be traced
 * back to whoever typed it. Keywords shaped like personal information are not counted at all.
 */
export const searchKeywords = pgTable(
  'search_keywords',
  {
    keyword: text('keyword').notNull(),
    day: date('day').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.keyword, table.day] })],
);

const published = (what: string) => notPersonal(`published catalogue content: ${what}`);

classify(insurers, {
  id: notPersonal('insurer identifier'),
  code: notPersonal('insurer code'),
  fullNameZh: published('company name'),
  fullNameEn: published('company name'),
  shortNameZh: published('company name'),
  shortNameEn: published('company name'),
  licenceNumber: published('the company licence number'),
  servicePhone: published('the company service line'),
  claimsHotline: published('the company claims line'),
  website: published('the company website'),
  addressZh: published('the company address'),
  addressEn: published('the company address'),
  createdAt: notPersonal('time the insurer was added'),
});

classify(products, {
  id: notPersonal('product identifier'),
  code: notPersonal('product code'),
  insurerId: notPersonal('insurer identifier'),
  type: notPersonal('kind of product'),
  nameZh: published('product name'),
  nameEn: published('product name'),
  summaryZh: published('product summary'),
  summaryEn: published('product summary'),
  zones: notPersonal('territory of the product'),
  minDays: notPersonal('limit of the product'),
  maxDays: notPersonal('limit of the product'),
  maxTripDays: notPersonal('limit of the product'),
  minAge: notPersonal('limit of the product'),
  maxAge: notPersonal('limit of the product'),
  maxInsured: notPersonal('limit of the product'),
  coolingOffDays: notPersonal('length of the cooling-off period'),
  policyholderFields: notPersonal('names of the fields the product asks for, not their values'),
  insuredFields: notPersonal('names of the fields the product asks for, not their values'),
  status: notPersonal('draft or published'),
  sortOrder: notPersonal('display order'),
  publishedAt: notPersonal('time of publication'),
  createdAt: notPersonal('time the product was added'),
  updatedAt: notPersonal('time of the last change'),
});

classify(plans, {
  id: notPersonal('plan identifier'),
  productId: notPersonal('product identifier'),
  code: notPersonal('plan code'),
  level: notPersonal('order of the plans'),
  nameZh: published('plan name'),
  nameEn: published('plan name'),
  schengenCompliant: notPersonal('flag'),
  createdAt: notPersonal('time the plan was added'),
});

classify(planCoverages, {
  id: notPersonal('coverage row identifier'),
  planId: notPersonal('plan identifier'),
  position: notPersonal('display order'),
  item: notPersonal('kind of cover'),
  itemZh: published('coverage wording'),
  itemEn: published('coverage wording'),
  detailZh: published('coverage wording'),
  detailEn: published('coverage wording'),
  sumInsuredFen: notPersonal('sum insured of the plan'),
  deductibleFen: notPersonal('deductible of the plan'),
});

classify(productDocuments, {
  id: notPersonal('document version identifier'),
  productId: notPersonal('product identifier'),
  kind: notPersonal('kind of document'),
  version: notPersonal('version number'),
  titleZh: published('document text'),
  titleEn: published('document text'),
  bodyZh: published('document text'),
  bodyEn: published('document text'),
  questions: published('health declaration questions (the questions, never anyone’s answers)'),
  textHash: notPersonal('hash of the published text'),
  createdBy: notPersonal('staff member or seed that wrote the version'),
  createdAt: notPersonal('time the version was written'),
});

classify(ratingTables, {
  id: notPersonal('rating table identifier'),
  productId: notPersonal('product identifier'),
  version: notPersonal('version number'),
  definition: notPersonal('premiums per band and plan'),
  contentHash: notPersonal('hash of the rating table'),
  createdBy: notPersonal('staff member or seed that wrote the version'),
  createdAt: notPersonal('time the version was written'),
});

classify(searchKeywords, {
  keyword: notPersonal('a search term counted per day with no link to a person, session or device; PI-shaped terms are never stored (R-POL-2)'),
  day: notPersonal('day of the searches (Beijing time)'),
  count: notPersonal('number of searches'),
});
