import { and, eq, inArray, sql } from 'drizzle-orm';
import { isAppError } from '../../errors/app-error.ts';
import { isRetryableInsurerFailure } from '../../integrations/insurer/insurer-failure.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { newId } from '../../shared/ids.ts';
import { ORDER_PAYMENT_MINUTES } from '../../shared/orders.ts';
import { openPayment } from '../payments/open-payment.ts';
import { findOwnPolicy } from '../policies/own-policy.ts';
import { completeDateChange, dateChangeById } from './complete-date-change.ts';
import { requestDateChangeCompletion, type DateChangeDeps, type DateChangeRow } from './date-change-deps.ts';
import { pricingTermsOf } from './date-change-terms.ts';
import { priceDateChange, type NewDates } from './price-date-change.ts';
import { dateChanges } from './schema.ts';

export interface DateChangeRequest extends NewDates {
  policyId: string;
  /** The difference the person saw: if the price now differs, nothing is changed. */
  expectedDifferenceFen: number;
  /** The page's key for this confirmation: sending it twice makes one change. */
  idempotencyKey: string;
  language: Language;
}

/**
 * 更改出行日期 (R-POL-10): the person confirms new dates with the difference they were shown. When the
 * new dates cost nothing more the insurer endorses them at once and any difference goes back; when
 * they cost more, the extra is paid first (a payment of its own at the provider, lapsing like an
 * order's) and the insurer is asked once the money is in. One open change per policy.
 */
export async function requestDateChange(ctx: Ctx, deps: DateChangeDeps, input: DateChangeRequest, now = new Date()): Promise<DateChangeRow> {
  // A confirmation sent again answers its change, even once the policy can no longer be changed.
  const earlier = await sameKey(ctx, deps, input);
  if (earlier) return earlier;
  const terms = await pricingTermsOf(ctx, deps, input.policyId, now);
  const price = priceDateChange(terms, input, input.language, now);
  if (price.differenceFen !== input.expectedDifferenceFen) throw new AppError('date_change_price_changed', 'Premium difference differs from the one shown', { details: { policyId: input.policyId } });
  const isExtra = price.differenceFen > 0;
  const [open] = await deps.db
    .select({ id: dateChanges.id })
    .from(dateChanges)
    .where(and(eq(dateChanges.policyId, terms.policy.id), inArray(dateChanges.status, ['awaiting_payment', 'paid'])));
  if (open) throw new AppError('date_change_in_progress', 'Policy has an open change of dates', { details: { dateChangeId: open.id } });

  const id = newId('dch');
  const expiresAt = isExtra ? new Date(now.getTime() + ORDER_PAYMENT_MINUTES * 60_000) : null;
  const inserted = await deps.db
    .insert(dateChanges)
    .values({
      id,
      policyId: terms.policy.id,
      orderId: terms.order.id,
      idempotencyKey: input.idempotencyKey,
      oldCoverStart: terms.policy.coverStart,
      oldCoverEnd: terms.policy.coverEnd,
      newCoverStart: price.coverStart,
      newCoverEnd: price.coverEnd,
      oldPremiumFen: price.currentPremiumFen,
      newPremiumFen: price.premiumFen,
      premiumLines: price.lines,
      differenceFen: price.differenceFen,
      status: isExtra ? 'awaiting_payment' : 'paid',
      expiresAt,
    })
    // Two confirmations racing: the unique key (or the one-open-change index) keeps one.
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) return (await sameKey(ctx, deps, input)) ?? raceLost(terms.policy.id);
  await recordAudit(deps.db, ctx, { action: 'create', record: `date_changes/${id}`, fields: ['newCoverStart', 'newCoverEnd', 'differenceFen'] });

  if (!isExtra) return completeNowOrLater(ctx, deps, id);
  const payment = await openPayment(
    { db: deps.db, provider: deps.purchase.payment, publicUrl: deps.purchase.publicUrl },
    {
      orderId: terms.order.id,
      purpose: 'date_change',
      reference: id,
      amountFen: price.differenceFen,
      description: terms.order.product.nameZh,
      returnPath: `/account/insurance/date-changes/${id}`,
      expiresAt: expiresAt as Date,
    },
  ).catch(async (error: unknown) => {
    // No payment could be opened: the change closes now rather than block the policy until it lapses.
    await deps.db.update(dateChanges).set({ status: 'expired', updatedAt: sql`now()` }).where(eq(dateChanges.id, id));
    throw error;
  });
  const [withPayment] = await deps.db.update(dateChanges).set({ topUpPaymentId: payment.id }).where(eq(dateChanges.id, id)).returning();
  return withPayment as DateChangeRow;
}

/** The insurer endorses now; when it cannot be reached the job tries again and the page shows the change as under way. */
async function completeNowOrLater(ctx: Ctx, deps: DateChangeDeps, id: string): Promise<DateChangeRow> {
  try {
    return await completeDateChange(ctx, deps, id);
  } catch (error) {
    if (!isRetryableInsurerFailure(error) && !(isAppError(error) && error.code === 'payment_provider_unavailable')) throw error;
    await requestDateChangeCompletion(deps.enqueue, id);
    return dateChangeById(deps, id);
  }
}

/**
 * The change this key made already, if it is this policy's and the policy is the caller's; a key
 * reused for another policy is refused.
 */
async function sameKey(ctx: Ctx, deps: DateChangeDeps, input: DateChangeRequest): Promise<DateChangeRow | null> {
  const [row] = await deps.db.select().from(dateChanges).where(eq(dateChanges.idempotencyKey, input.idempotencyKey));
  if (!row) return null;
  if (row.policyId !== input.policyId) throw new AppError('conflict', 'Key already used for another change of dates');
  await findOwnPolicy(ctx, deps.db, row.policyId);
  return row;
}

function raceLost(policyId: string): never {
  throw new AppError('date_change_in_progress', 'Policy has an open change of dates', { details: { policyId } });
}
