import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { applyPaidSignal } from '../payments/apply-paid-signal.ts';
import type { PaidPaymentDeps } from '../payments/payment-records.ts';
import { queryPaidSignal } from '../payments/query-paid-signal.ts';
import { payments } from '../payments/schema.ts';
import { findOwnPolicy } from '../policies/own-policy.ts';
import type { DateChangeRow } from './date-change-deps.ts';
import type { DateChangeStatus } from './schema.ts';
import { dateChanges } from './schema.ts';

/** A change of dates as its owner's pages show it. */
export interface OwnDateChange {
  id: string;
  policyId: string;
  status: DateChangeStatus;
  newCoverStart: string;
  newCoverEnd: string;
  differenceFen: number;
  /** Where the extra premium is paid, while it is awaited. */
  payUrl: string | null;
}

/** A change of dates of the signed-in customer's or this guest session's policy; anyone else's is "not found". */
export async function getOwnDateChange(ctx: Ctx, db: DbOrTx, dateChangeId: string): Promise<OwnDateChange> {
  const [row] = await db.select({ change: dateChanges, payUrl: payments.payUrl }).from(dateChanges).leftJoin(payments, eq(payments.id, dateChanges.topUpPaymentId)).where(eq(dateChanges.id, dateChangeId));
  if (!row) throw notFound(dateChangeId);
  try {
    await findOwnPolicy(ctx, db, row.change.policyId);
  } catch (error) {
    if (isAppError(error) && error.code === 'policy_not_found') throw notFound(dateChangeId);
    throw error;
  }
  return presentDateChange(row.change, row.payUrl);
}

/** The policy's change awaiting its extra premium or the insurer, if any (the caller checked whose policy it is). */
export async function openDateChangeOf(db: DbOrTx, policyId: string): Promise<OwnDateChange | null> {
  const [row] = await db
    .select({ change: dateChanges, payUrl: payments.payUrl })
    .from(dateChanges)
    .leftJoin(payments, eq(payments.id, dateChanges.topUpPaymentId))
    .where(and(eq(dateChanges.policyId, policyId), inArray(dateChanges.status, ['awaiting_payment', 'paid'])));
  return row ? presentDateChange(row.change, row.payUrl) : null;
}

export function presentDateChange(change: DateChangeRow, payUrl: string | null): OwnDateChange {
  return {
    id: change.id,
    policyId: change.policyId,
    status: change.status,
    newCoverStart: change.newCoverStart,
    newCoverEnd: change.newCoverEnd,
    differenceFen: change.differenceFen,
    payUrl: change.status === 'awaiting_payment' ? payUrl : null,
  };
}

/**
 * The payer came back from the provider's page with the extra premium (R-POL-8's rule: the redirect
 * proves nothing, the provider is asked). A paid answer takes the notification's path; an unreachable
 * provider leaves the change as it stands, its notification still to come.
 */
export async function confirmDateChangeReturn(ctx: Ctx, deps: PaidPaymentDeps, dateChangeId: string): Promise<OwnDateChange> {
  const change = await getOwnDateChange(ctx, deps.db, dateChangeId);
  if (change.status !== 'awaiting_payment') return change;
  const [payment] = await deps.db.select().from(payments).innerJoin(dateChanges, eq(dateChanges.topUpPaymentId, payments.id)).where(eq(dateChanges.id, dateChangeId));
  if (!payment || payment.payments.status !== 'pending' || payment.payments.provider !== deps.provider.name) return change;
  try {
    const signal = await queryPaidSignal(deps.provider, payment.payments);
    if (signal) await applyPaidSignal(ctx, deps, signal);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'payment_provider_unavailable') throw error;
  }
  return getOwnDateChange(ctx, deps.db, dateChangeId);
}

function notFound(dateChangeId: string): AppError {
  return new AppError('date_change_not_found', 'No change of dates with this id for this session', { details: { dateChangeId } });
}
