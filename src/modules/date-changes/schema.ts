import { sql } from 'drizzle-orm';
import { bigint, check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { classify, notPersonal, pi } from '../../privacy/catalogue/classify.ts';
import { orders } from '../orders/schema.ts';
import { payments } from '../payments/schema.ts';
import { policies, policyEndorsements } from '../policies/schema.ts';

/**
 * `awaiting_payment`: the new dates cost more and the difference is not paid yet; `paid`: nothing (more)
 * to pay, the insurer is to endorse; `endorsed`: the policy has its new dates; `refused`: the insurer
 * would not change them (any extra paid goes back); `expired`: the difference was not paid in time.
 */
export const DATE_CHANGE_STATUSES = ['awaiting_payment', 'paid', 'endorsed', 'refused', 'expired'] as const;
export type DateChangeStatus = (typeof DATE_CHANGE_STATUSES)[number];

/**
 * A policyholder's request to move or resize a trip before its cover starts (R-POL-10): the new dates,
 * the premium the order's own rating table gives them, and the difference — paid before the insurer
 * is asked when positive, refunded after it endorsed when negative. One open request per policy.
 */
export const dateChanges = pgTable(
  'date_changes',
  {
    id: text('id').primaryKey(),
    policyId: text('policy_id')
      .notNull()
      .references(() => policies.id),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    // The page's key: confirming twice makes one request.
    idempotencyKey: text('idempotency_key').notNull(),
    oldCoverStart: date('old_cover_start').notNull(),
    oldCoverEnd: date('old_cover_end').notNull(),
    newCoverStart: date('new_cover_start').notNull(),
    newCoverEnd: date('new_cover_end').notNull(),
    oldPremiumFen: bigint('old_premium_fen', { mode: 'number' }).notNull(),
    newPremiumFen: bigint('new_premium_fen', { mode: 'number' }).notNull(),
    // Per insured position, as on the order: no ages.
    premiumLines: jsonb('premium_lines').$type<Array<{ position: number; premiumFen: number }>>().notNull(),
    differenceFen: bigint('difference_fen', { mode: 'number' }).notNull(),
    status: text('status', { enum: DATE_CHANGE_STATUSES }).notNull(),
    // The payment of a positive difference; it lapses like an order's.
    topUpPaymentId: text('top_up_payment_id').references(() => payments.id),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    endorsementId: text('endorsement_id').references(() => policyEndorsements.id),
    // The insurer's reason code when it refused (never its free text).
    refusal: text('refusal'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('date_changes_idempotency_key').on(table.idempotencyKey),
    uniqueIndex('date_changes_one_open_key').on(table.policyId).where(sql`${table.status} in ('awaiting_payment', 'paid')`),
    index('date_changes_order_idx').on(table.orderId),
    index('date_changes_status_expires_idx').on(table.status, table.expiresAt),
    check('date_changes_cover', sql`${table.newCoverStart} <= ${table.newCoverEnd}`),
    check('date_changes_premium', sql`${table.newPremiumFen} > 0 and ${table.differenceFen} = ${table.newPremiumFen} - ${table.oldPremiumFen}`),
  ],
);

const policyDetail = pi({ category: 'insurance.policy', purposes: ['purchase', 'policy_service'], basis: 'contract', retention: 'insurance_record', storedAs: 'plain' });

classify(dateChanges, {
  id: notPersonal('date change identifier'),
  policyId: notPersonal('policy reference'),
  orderId: notPersonal('order reference'),
  idempotencyKey: notPersonal('random key chosen by the page'),
  oldCoverStart: policyDetail,
  oldCoverEnd: policyDetail,
  newCoverStart: policyDetail,
  newCoverEnd: policyDetail,
  oldPremiumFen: policyDetail,
  newPremiumFen: policyDetail,
  premiumLines: policyDetail,
  differenceFen: policyDetail,
  status: notPersonal('state of the request'),
  topUpPaymentId: notPersonal('payment reference'),
  expiresAt: notPersonal('time of a system event'),
  endorsementId: notPersonal('endorsement reference'),
  refusal: notPersonal('the insurer’s reason code'),
  createdAt: policyDetail,
  updatedAt: notPersonal('time of a system event'),
});
