import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { readParties, type PartyValues } from './order-parties.ts';
import { orderParties, orders } from './schema.ts';

const UNMASKABLE = ['name', 'namePinyin', 'idDocument', 'passport', 'birthDate', 'phone', 'email'] as const;

/**
 * Shows one person's full contact and identity values to customer service, who typed why (R-SEC-3).
 * Health answers are never unmasked here: underwriting is the insurer's. Refusals are audited too.
 */
export async function staffUnmaskOrderParty(ctx: Ctx, deps: { db: Db; keyring: Keyring }, input: { orderId: string; partyId: string }): Promise<Pick<PartyValues, (typeof UNMASKABLE)[number]>> {
  const record = `order_parties/${input.partyId}`;
  const [row] = await deps.db
    .select({ customerId: orders.customerId })
    .from(orderParties)
    .innerJoin(orders, eq(orders.id, orderParties.orderId))
    .where(and(eq(orderParties.id, input.partyId), eq(orderParties.orderId, input.orderId)));
  try {
    authorizeStaff(ctx.actor, 'orders.unmask');
    if ((ctx.reason?.trim().length ?? 0) < 5) throw new AppError('reason_required', 'Unmask without a reason');
  } catch (error) {
    await recordAudit(deps.db, ctx, { action: 'refused', subjectId: row?.customerId ?? null, record, fields: [...UNMASKABLE] });
    throw error;
  }
  if (!row) throw new AppError('not_found', 'No such person on this order');
  // Recorded (committed) before the values are shown.
  await recordAudit(deps.db, ctx, { action: 'unmask', subjectId: row.customerId, record, fields: [...UNMASKABLE] });
  const [party] = (await readParties(ctx, deps, input.orderId, UNMASKABLE)).filter((candidate) => candidate.id === input.partyId);
  return party?.values ?? {};
}
