import type { DbOrTx } from '../../../db/types.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { recordAudit } from '../../../privacy/audit/record-audit.ts';
import { newId } from '../../../shared/ids.ts';
import type { ProfileField } from './profile-record.ts';
import { customerProfileChanges, type ProfileChangeChannel } from './schema.ts';

/** A field of the edit history: the profile's fields, and the account's phone number. */
export type HistoryField = ProfileField | 'phone';

/**
 * Writes one entry of the edit history — which fields, when, who, through which channel, never the
 * values — and the matching audit entry, in the caller's transaction so they commit with the change.
 */
export async function recordProfileChange(tx: DbOrTx, ctx: Ctx, change: { customerId: string; fields: HistoryField[]; channel: ProfileChangeChannel; record: string }): Promise<void> {
  const actorId = ctx.actor.type === 'anonymous' ? null : ctx.actor.type === 'system' ? ctx.actor.job : ctx.actor.id;
  await tx.insert(customerProfileChanges).values({ id: newId('pch'), customerId: change.customerId, fields: change.fields, actorType: ctx.actor.type, actorId, channel: change.channel });
  await recordAudit(tx, ctx, { action: 'update', subjectId: change.customerId, record: change.record, fields: change.fields });
}
