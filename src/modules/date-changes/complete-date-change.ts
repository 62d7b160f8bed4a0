import { and, eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import { insurerReasonCode } from '../../integrations/insurer/insurer-failure.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { insuranceRecordRetainUntil } from '../../privacy/catalogue/retention-rules.ts';
import { newId } from '../../shared/ids.ts';
import { insurers } from '../catalogue/schema.ts';
import { orders, sales } from '../orders/schema.ts';
import { refundAcrossPayments } from '../payments/refund-across-payments.ts';
import { refundOrder } from '../payments/refund-order.ts';
import { policies, policyEndorsements } from '../policies/schema.ts';
import type { DateChangeDeps, DateChangeRow } from './date-change-deps.ts';
import { dateChanges } from './schema.ts';

/**
 * The insurer endorses the new dates of a change that is paid (or costs nothing more), under a key
 * of the change, so a retry (the job's, after the insurer was unavailable) never endorses twice.
 * Then, in one transaction, the endorsement is recorded, the policy takes its new dates and the
 * insurance record is kept at least until the new cover's retention ends; a cheaper trip's
 * difference goes back after that. When the insurer refuses, the extra paid (if any) goes back in
 * full and the policy keeps its dates. Anything else is left as it is and thrown, to be tried again.
 */
export async function completeDateChange(ctx: Ctx, deps: DateChangeDeps, dateChangeId: string): Promise<DateChangeRow> {
  const change = await dateChangeById(deps, dateChangeId);
  if (change.status === 'endorsed') return refundCheaper(ctx, deps, change);
  if (change.status === 'refused') return refundRefused(ctx, deps, change);
  if (change.status !== 'paid') return change;
  const [policy] = await deps.db
    .select({ id: policies.id, number: policies.insurerPolicyNumber, insurerCode: insurers.code, retainUntil: policies.retainUntil })
    .from(policies)
    .innerJoin(insurers, eq(insurers.id, policies.insurerId))
    .where(eq(policies.id, change.policyId));
  if (!policy) throw new AppError('policy_not_found', 'Policy of a change of dates not found', { details: { dateChangeId } });

  let endorsed;
  try {
    endorsed = await deps.purchase.insurerFor(policy.insurerCode).endorseDates({
      policyNumber: policy.number,
      newStartDate: change.newCoverStart,
      newEndDate: change.newCoverEnd,
      premiumDifferenceFen: change.differenceFen,
      idempotencyKey: `end_${change.id}`,
    });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'insurer_refused') throw error;
    return refuse(ctx, deps, change, insurerReasonCode(error.details.reason));
  }

  const retainUntil = insuranceRecordRetainUntil(new Date(`${change.newCoverStart}T00:00:00+08:00`), new Date(`${change.newCoverEnd}T24:00:00+08:00`));
  await inTransaction(deps.db, async (tx) => {
    const [current] = await tx.select({ status: dateChanges.status }).from(dateChanges).where(eq(dateChanges.id, change.id)).for('update');
    // Another run endorsed it meanwhile: the insurer's key made that the same endorsement.
    if (current?.status !== 'paid') return;
    const endorsementId = newId('end');
    await tx.insert(policyEndorsements).values({
      id: endorsementId,
      policyId: policy.id,
      kind: 'date_change',
      oldCoverStart: change.oldCoverStart,
      oldCoverEnd: change.oldCoverEnd,
      newCoverStart: change.newCoverStart,
      newCoverEnd: change.newCoverEnd,
      premiumDifferenceFen: change.differenceFen,
      insurerEndorsementNumber: endorsed.endorsementNumber,
      at: endorsed.effectiveAt,
    });
    await tx.update(dateChanges).set({ status: 'endorsed', endorsementId, updatedAt: sql`now()` }).where(eq(dateChanges.id, change.id));
    // A record is never kept for less than it already was: the endorsement is part of it too.
    const later = sql`greatest(retain_until, ${retainUntil.toISOString()}::timestamptz)`;
    await tx.update(policies).set({ coverStart: change.newCoverStart, coverEnd: change.newCoverEnd, retainUntil: later }).where(eq(policies.id, policy.id));
    const [order] = await tx.update(orders).set({ retainUntil: later, updatedAt: sql`now()` }).where(eq(orders.id, change.orderId)).returning({ saleId: orders.saleId });
    if (order) await tx.update(sales).set({ retainUntil: later }).where(eq(sales.id, order.saleId));
    await recordAudit(tx, ctx, { action: 'update', record: `policies/${policy.id}`, fields: ['coverStart', 'coverEnd', `endorsement:${endorsementId}`] });
  });
  return refundCheaper(ctx, deps, await dateChangeById(deps, dateChangeId));
}

/** A shorter or cheaper trip: the difference goes back once the insurer endorsed (a retry resumes the same refund). */
async function refundCheaper(ctx: Ctx, deps: DateChangeDeps, change: DateChangeRow): Promise<DateChangeRow> {
  if (change.differenceFen >= 0) return change;
  const parts = await refundAcrossPayments(ctx, { db: deps.db, provider: deps.purchase.payment }, { orderId: change.orderId, amountFen: -change.differenceFen, reason: 'date_change', idempotencyKey: `dch_${change.id}` });
  if (parts.some((part) => part.status === 'failed')) throw new AppError('payment_provider_failed', 'Refund of a cheaper change of dates refused by the provider', { details: { dateChangeId: change.id } });
  return change;
}

async function refuse(ctx: Ctx, deps: DateChangeDeps, change: DateChangeRow, reason: string): Promise<DateChangeRow> {
  await deps.db
    .update(dateChanges)
    .set({ status: 'refused', refusal: reason, updatedAt: sql`now()` })
    .where(and(eq(dateChanges.id, change.id), eq(dateChanges.status, 'paid')));
  return refundRefused(ctx, deps, await dateChangeById(deps, change.id));
}

/** The extra paid for dates the insurer refused goes back in full (a retry resumes the same refund). */
async function refundRefused(ctx: Ctx, deps: DateChangeDeps, change: DateChangeRow): Promise<DateChangeRow> {
  if (!change.topUpPaymentId || change.differenceFen <= 0) return change;
  await refundOrder(ctx, { db: deps.db, provider: deps.purchase.payment }, { orderId: change.orderId, paymentId: change.topUpPaymentId, amountFen: change.differenceFen, reason: 'date_change', idempotencyKey: `dch_refused_${change.id}` });
  return change;
}

export async function dateChangeById(deps: Pick<DateChangeDeps, 'db'>, id: string): Promise<DateChangeRow> {
  const [row] = await deps.db.select().from(dateChanges).where(eq(dateChanges.id, id));
  if (!row) throw new AppError('date_change_not_found', 'No change of dates with this id', { details: { dateChangeId: id } });
  return row;
}
