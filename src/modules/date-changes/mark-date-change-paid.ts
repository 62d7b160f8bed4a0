import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { PaidOutcome } from '../payments/apply-paid-signal.ts';
import { dateChanges } from './schema.ts';

/**
 * The extra premium of a change of dates arrived (R-POL-10): the change is paid and its endorsement
 * may be asked for — unless it lapsed first, when the money is not wanted (`not_payable`, the caller
 * refunds it). Called inside the paid signal's transaction, with the payment locked.
 */
export async function markDateChangePaid(tx: DbOrTx, paymentId: string, paidAt: Date): Promise<{ outcome: PaidOutcome; dateChangeId: string | null }> {
  const [moved] = await tx
    .update(dateChanges)
    .set({ status: 'paid', updatedAt: sql`now()` })
    .where(and(eq(dateChanges.topUpPaymentId, paymentId), eq(dateChanges.status, 'awaiting_payment'), gt(dateChanges.expiresAt, paidAt)))
    .returning({ id: dateChanges.id });
  if (moved) return { outcome: 'paid', dateChangeId: moved.id };
  const [change] = await tx.select({ id: dateChanges.id, status: dateChanges.status }).from(dateChanges).where(eq(dateChanges.topUpPaymentId, paymentId));
  if (!change || change.status === 'expired' || change.status === 'awaiting_payment') return { outcome: 'not_payable', dateChangeId: change?.id ?? null };
  return { outcome: 'already_paid', dateChangeId: change.id };
}
