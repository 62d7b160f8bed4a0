import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../../privacy/catalogue/classify.ts';
import { insurers } from '../catalogue/schema.ts';
import { orders } from '../orders/schema.ts';
import { E_POLICY_VARIANTS } from './e-policy/e-policy-model.ts';

export const POLICY_STATUSES = ['issued', 'cancelled'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/**
 * The policy an insurer issued for a paid order (R-POL-9): one per order, with the insurer's number.
 * The insurer's own schedule PDF is not kept: the e-policy is rendered from the order, and only
 * its latest rendering is kept, encrypted (policy_documents). Whose policy it is comes from its order.
 */
export const policies = pgTable(
  'policies',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    insurerId: text('insurer_id')
      .notNull()
      .references(() => insurers.id),
    insurerPolicyNumber: text('insurer_policy_number').notNull(),
    status: text('status', { enum: POLICY_STATUSES }).notNull(),
    coverStart: date('cover_start').notNull(),
    coverEnd: date('cover_end').notNull(),
    // When the insurer says it issued the policy.
    issuedAt: timestamp('issued_at', { withTimezone: true, precision: 3 }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, precision: 3 }),
    // Keyed hash of the secret in the e-policy's QR code (verification-token.ts): the address itself
    // can be recomputed only with the key, and a copy of the table cannot be used to look policies up.
    verificationTokenHash: text('verification_token_hash').notNull(),
    retainUntil: timestamp('retain_until', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('policies_order_key').on(table.orderId),
    uniqueIndex('policies_insurer_number_key').on(table.insurerId, table.insurerPolicyNumber),
    uniqueIndex('policies_verification_key').on(table.verificationTokenHash),
    index('policies_retain_until_idx').on(table.retainUntil),
    check('policies_cover', sql`${table.coverStart} <= ${table.coverEnd}`),
  ],
);

export const ENDORSEMENT_KINDS = ['date_change'] as const;

/** Changes the insurer made to a policy after issuing it (R-POL-10: travel dates before cover starts). */
export const policyEndorsements = pgTable(
  'policy_endorsements',
  {
    id: text('id').primaryKey(),
    policyId: text('policy_id')
      .notNull()
      .references(() => policies.id),
    kind: text('kind', { enum: ENDORSEMENT_KINDS }).notNull(),
    oldCoverStart: date('old_cover_start').notNull(),
    oldCoverEnd: date('old_cover_end').notNull(),
    newCoverStart: date('new_cover_start').notNull(),
    newCoverEnd: date('new_cover_end').notNull(),
    // New premium minus old: negative when the trip got shorter (refunded), positive when paid extra.
    premiumDifferenceFen: bigint('premium_difference_fen', { mode: 'number' }).notNull(),
    insurerEndorsementNumber: text('insurer_endorsement_number').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('policy_endorsements_number_key').on(table.policyId, table.insurerEndorsementNumber)],
);

/**
 * The e-policy PDF of a policy as last rendered (R-POL-9), kept so that opening it again is a read,
 * not a ~50 ms render. One row per policy, variant and fingerprint — a keyed hash of everything the
 * PDF prints (e-policy-fingerprint.ts) — so a change of dates, of the premium or of the catalogue's
 * wording gives a new fingerprint and a new document with no invalidation code anywhere else. Only
 * the latest document of a policy and variant is kept (stored-e-policy.ts says why). The PDF prints
 * names, birth dates and masked document numbers: it is encrypted as one field, bound to its row.
 */
export const policyDocuments = pgTable(
  'policy_documents',
  {
    id: text('id').primaryKey(),
    policyId: text('policy_id')
      .notNull()
      .references(() => policies.id),
    variant: text('variant', { enum: E_POLICY_VARIANTS }).notNull(),
    fingerprint: text('fingerprint').notNull(),
    // encryptFieldBytes of the PDF: a text envelope, which reads the same on PGlite and PostgreSQL (bytea would travel as hex, twice its size).
    pdfEnc: text('pdf_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('policy_documents_version_key').on(table.policyId, table.variant, table.fingerprint)],
);

const policyDetail = pi({ category: 'insurance.policy', purposes: ['purchase', 'policy_service', 'claims'], basis: 'contract', retention: 'insurance_record', storedAs: 'plain' });

classify(policies, {
  id: notPersonal('policy identifier'),
  orderId: notPersonal('order reference'),
  insurerId: notPersonal('catalogue reference'),
  insurerPolicyNumber: policyDetail,
  status: notPersonal('state of the policy'),
  coverStart: policyDetail,
  coverEnd: policyDetail,
  issuedAt: policyDetail,
  cancelledAt: policyDetail,
  verificationTokenHash: notPersonal('keyed hash of a random verification secret; names nobody'),
  retainUntil: notPersonal('retention date of the record'),
  createdAt: notPersonal('time of a system event'),
});

classify(policyDocuments, {
  id: notPersonal('document identifier'),
  policyId: notPersonal('policy reference'),
  variant: notPersonal('schedule or visa certificate'),
  fingerprint: pi({ category: 'insurance.policy', purposes: ['policy_service'], basis: 'contract', retention: 'insurance_record', storedAs: 'keyed_hash' }),
  // The policy schedule as delivered: its people's names, birth dates and masked document numbers, each classified at its source (order_parties).
  pdfEnc: pi({ category: 'insurance.policy', purposes: ['policy_service', 'claims'], basis: 'contract', retention: 'insurance_record', storedAs: 'encrypted' }),
  createdAt: notPersonal('time of a system event'),
});

classify(policyEndorsements, {
  id: notPersonal('endorsement identifier'),
  policyId: notPersonal('policy reference'),
  kind: notPersonal('kind of change'),
  oldCoverStart: policyDetail,
  oldCoverEnd: policyDetail,
  newCoverStart: policyDetail,
  newCoverEnd: policyDetail,
  premiumDifferenceFen: policyDetail,
  insurerEndorsementNumber: policyDetail,
  at: policyDetail,
});
