import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { addDays } from '../../shared/calendar-days.ts';
import type { ProductType } from '../../shared/catalogue/terms.ts';
import { ageOn, todayInBeijing } from '../../shared/identity-documents.ts';
import { insurers, plans, products, ratingTables } from '../catalogue/schema.ts';
import { ratedProductWith } from '../catalogue/load-catalogue.ts';
import type { RatedProduct } from '../catalogue/rating/quote.ts';
import type { OrderSummary } from '../orders/order-summary.ts';
import { readParties } from '../orders/order-parties.ts';
import { orders } from '../orders/schema.ts';
import { findOwnPolicy, type PolicyRow } from '../policies/own-policy.ts';

/** Single trips only: an annual multi-trip policy has no travel dates, accident and medical cover no trip. */
const DATE_CHANGEABLE_TYPES: readonly ProductType[] = ['outbound_travel', 'domestic_travel'];
// How far ahead a trip may be moved: the insurers' usual limit for booking a trip.
export const LATEST_START_DAYS = 365;

export interface ChangeableOwnPolicy {
  policy: PolicyRow;
  order: OrderSummary;
  insurerCode: string;
  /** The product with the rating table that priced the order: a change of dates is priced as the sale was. */
  rated: RatedProduct;
  planCode: string;
  /** The premium now: the order's, plus what earlier changes of dates added or gave back. */
  premiumFen: number;
  earliestStart: string;
  latestStart: string;
}

/** What pricing new dates needs besides the policy: the insured's birth dates, by position. */
export interface PricingTerms extends ChangeableOwnPolicy {
  /** Their ages on the new first day price the new dates. */
  birthDates: string[];
}

/**
 * Whether the owner may change the travel dates of this policy themselves (R-POL-10): a single-trip
 * travel policy in force whose cover has not started (the first day is after today in Beijing).
 * Reads no personal information beyond the policy itself.
 */
export async function changeableOwnPolicy(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, policyId: string, now = new Date()): Promise<ChangeableOwnPolicy> {
  // The premium as it stands (after earlier changes) comes with the policy, in its query.
  const { policy, order, premiumFen } = await findOwnPolicy(ctx, deps.db, policyId);
  const today = todayInBeijing(now);
  if (policy.status !== 'issued' || order.status !== 'issued' || policy.coverStart <= today) throw notChangeable(policyId);
  const [row] = await deps.db
    .select({ product: products, planCode: plans.code, rating: ratingTables, insurerCode: insurers.code })
    .from(orders)
    .innerJoin(products, eq(products.id, orders.productId))
    .innerJoin(plans, eq(plans.id, orders.planId))
    .innerJoin(insurers, eq(insurers.id, products.insurerId))
    .innerJoin(ratingTables, and(eq(ratingTables.productId, orders.productId), eq(ratingTables.version, orders.ratingVersion)))
    .where(eq(orders.id, order.id));
  if (!row || !DATE_CHANGEABLE_TYPES.includes(row.product.type)) throw notChangeable(policyId);
  const { product, rating } = row;
  return {
    policy,
    order,
    insurerCode: row.insurerCode,
    rated: ratedProductWith(product, rating),
    planCode: row.planCode,
    premiumFen,
    earliestStart: addDays(today, 1),
    latestStart: addDays(today, LATEST_START_DAYS),
  };
}

/**
 * `changeableOwnPolicy` and the insured's birth dates, decrypted for the purpose of serving the
 * policy — only where new dates are priced, not to show what may be changed.
 */
export async function pricingTermsOf(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, policyId: string, now = new Date()): Promise<PricingTerms> {
  const terms = await changeableOwnPolicy(ctx, deps, policyId, now);
  const insured = await readParties(ctx, deps, terms.order.id, ['birthDate'], { role: 'insured' });
  return { ...terms, birthDates: insured.map((party) => party.values.birthDate ?? '') };
}

/** The ages of the insured on a first day of cover. */
export function agesOn(terms: Pick<PricingTerms, 'birthDates'>, coverStart: string): number[] {
  return terms.birthDates.map((birthDate) => ageOn(birthDate, coverStart));
}

function notChangeable(policyId: string): AppError {
  return new AppError('policy_dates_not_changeable', 'Policy dates cannot be changed online', { details: { policyId } });
}
