import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { addDays } from '../../shared/calendar-days.ts';
import { todayInBeijing } from '../../shared/identity-documents.ts';
import { insurers } from '../catalogue/schema.ts';
import type { OrderSummary } from '../orders/order-summary.ts';
import { findOwnPolicy, type PolicyRow } from './own-policy.ts';

export interface CancellableOwnPolicy {
  policy: PolicyRow;
  order: OrderSummary;
  insurerCode: string;
  /** The first day no longer covered: today in Beijing. */
  effectiveDate: string;
  /** The last day the person may cancel on their own: the cooling-off period's, or the day before cover starts. */
  lastDay: string;
  /** The premium now (after any change of dates): the most a cancellation gives back. */
  premiumFen: number;
}

/**
 * Whether the owner may cancel this policy themselves (R-POL-10): within the product's cooling-off
 * period (犹豫期, counted from the day of issue) or, for trips without one, before the cover starts.
 * Later cancellations are a matter for customer service and the insurer's terms.
 */
export async function cancellableOwnPolicy(ctx: Ctx, db: DbOrTx, policyId: string, now = new Date()): Promise<CancellableOwnPolicy> {
  // The premium as it stands (after changes of dates) comes with the policy, in its query.
  const { policy, order, premiumFen } = await findOwnPolicy(ctx, db, policyId);
  if (policy.status !== 'issued' || order.status !== 'issued') throw new AppError('policy_not_cancellable', 'Policy is not in force', { details: { policyId } });
  const issuedOn = todayInBeijing(policy.issuedAt);
  const coolingOffEnds = addDays(issuedOn, order.product.coolingOffDays);
  const dayBeforeCover = addDays(policy.coverStart, -1);
  const lastDay = coolingOffEnds > dayBeforeCover ? coolingOffEnds : dayBeforeCover;
  const effectiveDate = todayInBeijing(now);
  if (effectiveDate > lastDay) throw new AppError('policy_not_cancellable', 'Past the cooling-off period and the cover has started', { details: { policyId } });
  const [insurer] = await db.select({ code: insurers.code }).from(insurers).where(eq(insurers.id, policy.insurerId));
  return { policy, order, insurerCode: insurer?.code ?? '', effectiveDate, lastDay, premiumFen };
}
