import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi, type PersonalColumn } from '../../privacy/catalogue/classify.ts';
import { ORDER_STATUSES, SALE_STEP_KINDS, type SaleStepKind } from '../../shared/orders.ts';
import { plans, products } from '../catalogue/schema.ts';

/**
 * One purchase from its first page to its policy (R-POL-4, R-POL-7). A sale (可回溯 session) starts
 * when a person opens the purchase flow of a product; every document the server showed and every
 * confirmation it received is a step of that sale, append-only. Sending the application makes the
 * order; its parties (policyholder, insured persons, beneficiaries) are kept encrypted per field.
 */
export const sales = pgTable(
  'sales',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    // Exactly one of the two: a signed-in customer, or a guest session's guest (gst_…).
    customerId: text('customer_id'),
    guestId: text('guest_id'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    // Short for a sale that never became an order; the insurance record's once it did.
    retainUntil: timestamp('retain_until', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('sales_customer_idx').on(table.customerId),
    index('sales_retain_until_idx').on(table.retainUntil),
    check('sales_one_owner', sql`(${table.customerId} is null) <> (${table.guestId} is null)`),
  ],
);

/**
 * The 可回溯 record (银保监发〔2020〕26号): each document shown with its content hash, and each
 * confirmation with the statement confirmed and how long after its document was shown. Never
 * changed; deleted only with its sale once the sale's retention has passed (a trigger refuses the rest).
 */
export const saleSteps = pgTable(
  'sale_steps',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: SALE_STEP_KINDS }).$type<SaleStepKind>().notNull(),
    action: text('action', { enum: ['shown', 'confirmed'] }).notNull(),
    // The product document (or other content) and the hash of exactly the text the server sent.
    documentId: text('document_id'),
    contentHash: text('content_hash'),
    // What the person confirmed, in the words shown (a confirmation only).
    statement: text('statement'),
    // Milliseconds between the server showing the content and receiving its confirmation.
    viewedMs: integer('viewed_ms'),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('sale_steps_sale_seq_key').on(table.saleId, table.seq)],
);

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    // The key the page sent with its confirmation: sending twice makes one order.
    idempotencyKey: text('idempotency_key').notNull(),
    customerId: text('customer_id'),
    guestId: text('guest_id'),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    policyholderKind: text('policyholder_kind', { enum: ['person', 'institution'] }).notNull(),
    // An institution is not a natural person: its name and credit code are not personal information.
    institutionName: text('institution_name'),
    institutionCreditCode: text('institution_credit_code'),
    coverStart: date('cover_start').notNull(),
    coverEnd: date('cover_end').notNull(),
    destinations: text('destinations').array().notNull().default(sql`'{}'::text[]`),
    insuredCount: integer('insured_count').notNull(),
    ratingVersion: integer('rating_version').notNull(),
    ratingHash: text('rating_hash').notNull(),
    // Premium per insured position and the discount: no ages, which the parties hold encrypted.
    premiumLines: jsonb('premium_lines').$type<Array<{ position: number; premiumFen: number }>>().notNull(),
    subtotalFen: bigint('subtotal_fen', { mode: 'number' }).notNull(),
    discountFen: bigint('discount_fen', { mode: 'number' }).notNull(),
    premiumFen: bigint('premium_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    language: text('language', { enum: ['zh-CN', 'en'] }).notNull(),
    // Unpaid orders expire (R-POL-8).
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true, precision: 3 }),
    issuedAt: timestamp('issued_at', { withTimezone: true, precision: 3 }),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    retainUntil: timestamp('retain_until', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('orders_idempotency_key').on(table.idempotencyKey),
    index('orders_customer_idx').on(table.customerId, table.createdAt),
    index('orders_guest_idx').on(table.guestId, table.createdAt),
    index('orders_status_expires_idx').on(table.status, table.expiresAt),
    // Whether a product was ever sold (a console edit of its terms is refused then).
    index('orders_product_idx').on(table.productId),
    check('orders_one_owner', sql`(${table.customerId} is null) <> (${table.guestId} is null)`),
    check('orders_amounts', sql`${table.premiumFen} > 0 and ${table.discountFen} >= 0 and ${table.premiumFen} = ${table.subtotalFen} - ${table.discountFen}`),
    check('orders_cover', sql`${table.coverStart} <= ${table.coverEnd}`),
  ],
);

/**
 * The people of an order: the policyholder (a person), each insured person and each named
 * beneficiary. Only the fields the product asked are filled; every value is encrypted, bound to
 * this row, and the identity document has a blind index so staff can find an order by it.
 */
export const orderParties = pgTable(
  'order_parties',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    role: text('role', { enum: ['policyholder', 'insured', 'beneficiary'] }).notNull(),
    // Insured: its position in the application; beneficiary: its position among the insured's.
    position: integer('position').notNull(),
    // A beneficiary's insured person.
    insuredPosition: integer('insured_position'),
    relationship: text('relationship'),
    sharePercent: integer('share_percent'),
    nameEnc: text('name_enc'),
    namePinyinEnc: text('name_pinyin_enc'),
    idDocumentEnc: text('id_document_enc'),
    idNumberBidx: text('id_number_bidx'),
    passportNumberEnc: text('passport_number_enc'),
    birthDateEnc: text('birth_date_enc'),
    sexEnc: text('sex_enc'),
    phoneEnc: text('phone_enc'),
    emailEnc: text('email_enc'),
    occupationClassEnc: text('occupation_class_enc'),
    healthAnswersEnc: text('health_answers_enc'),
  },
  (table) => [
    uniqueIndex('order_parties_role_key').on(table.orderId, table.role, table.insuredPosition, table.position),
    index('order_parties_id_number_bidx_idx').on(table.idNumberBidx),
    check('order_parties_share', sql`${table.sharePercent} is null or (${table.sharePercent} between 1 and 100)`),
  ],
);

/** A signed-in customer's unsent application, encrypted as one value; gone 30 days after its last change. */
export const applicationDrafts = pgTable(
  'application_drafts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    dataEnc: text('data_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('application_drafts_customer_product_key').on(table.customerId, table.productId), index('application_drafts_updated_idx').on(table.updatedAt)],
);

const record = { basis: 'contract', retention: 'insurance_record' } as const;
const owner = pi({ category: 'identity.internal_id', purposes: ['purchase', 'policy_service', 'claims'], ...record, storedAs: 'plain' });
const guest = pi({ category: 'identity.internal_id', purposes: ['purchase', 'policy_service'], ...record, storedAs: 'plain' });
const policyDetail = pi({ category: 'insurance.policy', purposes: ['purchase', 'policy_service', 'claims'], ...record, storedAs: 'plain' });
const sealed = (category: PersonalColumn['category'], basis: PersonalColumn['basis'] = 'contract'): PersonalColumn =>
  pi({ category, purposes: ['purchase', 'policy_service', 'claims'], basis, retention: 'insurance_record', storedAs: 'encrypted' });

classify(sales, {
  id: notPersonal('sale identifier'),
  productId: notPersonal('catalogue reference'),
  customerId: owner,
  guestId: guest,
  startedAt: pi({ category: 'activity.access_record', purposes: ['purchase', 'legal_obligation'], basis: 'legal_obligation', retention: 'insurance_record', storedAs: 'plain' }),
  retainUntil: notPersonal('retention date of the record'),
});

const trace = pi({ category: 'activity.access_record', purposes: ['purchase', 'legal_obligation'], basis: 'legal_obligation', retention: 'insurance_record', storedAs: 'plain' });
classify(saleSteps, {
  id: notPersonal('step identifier'),
  saleId: notPersonal('sale reference'),
  seq: notPersonal('order of the steps'),
  kind: notPersonal('kind of step'),
  action: notPersonal('shown or confirmed'),
  documentId: notPersonal('catalogue document reference'),
  contentHash: notPersonal('hash of published content'),
  statement: notPersonal('the published statement confirmed, the same for everyone'),
  viewedMs: trace,
  at: trace,
});

classify(orders, {
  id: notPersonal('order identifier'),
  saleId: notPersonal('sale reference'),
  idempotencyKey: notPersonal('random key generated by the page'),
  customerId: owner,
  guestId: guest,
  productId: notPersonal('catalogue reference'),
  planId: notPersonal('catalogue reference'),
  policyholderKind: notPersonal('person or institution'),
  institutionName: notPersonal('name of an organisation, not of a person'),
  institutionCreditCode: notPersonal('credit code of an organisation'),
  coverStart: policyDetail,
  coverEnd: policyDetail,
  destinations: policyDetail,
  insuredCount: policyDetail,
  ratingVersion: notPersonal('catalogue version'),
  ratingHash: notPersonal('hash of published rating table'),
  premiumLines: policyDetail,
  subtotalFen: policyDetail,
  discountFen: policyDetail,
  premiumFen: policyDetail,
  status: notPersonal('state of the order'),
  language: notPersonal('language of the pages'),
  expiresAt: notPersonal('time of a system event'),
  paidAt: policyDetail,
  issuedAt: policyDetail,
  closedAt: policyDetail,
  retainUntil: notPersonal('retention date of the record'),
  createdAt: policyDetail,
  updatedAt: notPersonal('time of a system event'),
});

classify(orderParties, {
  id: notPersonal('party identifier'),
  orderId: notPersonal('order reference'),
  role: notPersonal('role in the contract'),
  position: notPersonal('position in the application'),
  insuredPosition: notPersonal('position in the application'),
  relationship: policyDetail,
  sharePercent: policyDetail,
  nameEnc: sealed('identity.name'),
  namePinyinEnc: sealed('identity.name'),
  // Sensitive (PIPL art. 28): processed with the separate consent the application asks (sensitive_pi).
  idDocumentEnc: sealed('identity.government_id', 'consent'),
  idNumberBidx: pi({ category: 'identity.government_id', purposes: ['purchase', 'policy_service', 'claims'], basis: 'consent', retention: 'insurance_record', storedAs: 'keyed_hash' }),
  passportNumberEnc: sealed('identity.government_id', 'consent'),
  birthDateEnc: sealed('identity.birth_date'),
  sexEnc: sealed('identity.gender'),
  phoneEnc: sealed('contact.phone'),
  emailEnc: sealed('contact.email'),
  occupationClassEnc: sealed('identity.occupation'),
  healthAnswersEnc: sealed('health.declaration', 'consent'),
});

classify(applicationDrafts, {
  id: notPersonal('draft identifier'),
  customerId: pi({ category: 'identity.internal_id', purposes: ['purchase'], basis: 'contract', retention: 'draft_30_days', storedAs: 'plain' }),
  productId: notPersonal('catalogue reference'),
  // Whatever the person typed so far, sensitive fields included: encrypted as one value.
  dataEnc: pi({ category: 'identity.government_id', purposes: ['purchase'], basis: 'consent', retention: 'draft_30_days', storedAs: 'encrypted' }),
  createdAt: notPersonal('time of a system event'),
  updatedAt: pi({ category: 'activity.access_record', purposes: ['purchase'], basis: 'contract', retention: 'draft_30_days', storedAs: 'plain' }),
});
