import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { applyIfPaidAtProvider } from '../payments/apply-if-paid-at-provider.ts';
import type { PaidPaymentDeps } from '../payments/payment-records.ts';
import { payments } from '../payments/schema.ts';
import { findOwnPolicy } from '../policies/own-policy.ts';
import { dateChanges, type DateChangeStatus } from './schema.ts';

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
  const shown = await shownDateChange(db, dateChangeId);
  if (!shown) throw notFound(dateChangeId);
  try {
    await findOwnPolicy(ctx, db, shown.policyId);
  } catch (error) {
    if (isAppError(error) && error.code === 'policy_not_found') throw notFound(dateChangeId);
    throw error;
  }
  return shown;
}

/** The policy's change awaiting its extra premium or the insurer, if any (the caller checked whose policy it is). */
export function openDateChangeOf(db: DbOrTx, policyId: string): Promise<OwnDateChange | null> {
  return dateChangeAsShown(db, and(eq(dateChanges.policyId, policyId), inArray(dateChanges.status, ['awaiting_payment', 'paid'])));
}

/** A change as shown by its id, for a caller that checked whose it is (the request that made it). */
export function shownDateChange(db: DbOrTx, dateChangeId: string): Promise<OwnDateChange | null> {
  return dateChangeAsShown(db, eq(dateChanges.id, dateChangeId));
}

/** One change as shown, with the pay page of its extra premium while that is awaited. */
async function dateChangeAsShown(db: DbOrTx, where: SQL | undefined): Promise<OwnDateChange | null> {
  const [row] = await db
    .select({
      id: dateChanges.id,
      policyId: dateChanges.policyId,
      status: dateChanges.status,
      newCoverStart: dateChanges.newCoverStart,
      newCoverEnd: dateChanges.newCoverEnd,
      differenceFen: dateChanges.differenceFen,
      payUrl: payments.payUrl,
    })
    .from(dateChanges)
    .leftJoin(payments, eq(payments.id, dateChanges.topUpPaymentId))
    .where(where);
  if (!row) return null;
  return { ...row, payUrl: row.status === 'awaiting_payment' ? row.payUrl : null };
}

/** Back from paying the extra premium (R-POL-10): the change after asking the provider whether it is paid. */
export async function confirmDateChangeReturn(ctx: Ctx, deps: PaidPaymentDeps, dateChangeId: string): Promise<OwnDateChange> {
  const change = await getOwnDateChange(ctx, deps.db, dateChangeId);
  if (change.status !== 'awaiting_payment') return change;
  const [row] = await deps.db.select({ payment: payments }).from(dateChanges).innerJoin(payments, eq(payments.id, dateChanges.topUpPaymentId)).where(eq(dateChanges.id, dateChangeId));
  const applied = await applyIfPaidAtProvider(ctx, deps, row?.payment ?? null);
  return applied ? ((await shownDateChange(deps.db, dateChangeId)) ?? change) : change;
}

function notFound(dateChangeId: string): AppError {
  return new AppError('date_change_not_found', 'No change of dates with this id for this session', { details: { dateChangeId } });
}
