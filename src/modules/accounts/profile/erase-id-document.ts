import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/types.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { recordProfileChange } from './profile-history.ts';
import { customerProfiles, type ProfileChangeChannel } from './schema.ts';

/**
 * Deletes the saved identity document of a customer, for when the `sensitive_pi` consent it rests on
 * is withdrawn (PIPL art. 47: no basis left, so it goes). Meant to run in the withdrawal's own
 * transaction, so the consent and the data it covered change together; recorded in the edit history
 * and the audit log. Returns whether there was a document to delete.
 */
export async function eraseIdDocument(tx: DbOrTx, ctx: Ctx, input: { customerId: string; channel: ProfileChangeChannel }): Promise<boolean> {
  const erased = await tx
    .update(customerProfiles)
    .set({ idDocumentEnc: null, idNumberBidx: null, updatedAt: sql`now()` })
    .where(and(eq(customerProfiles.id, input.customerId), isNotNull(customerProfiles.idDocumentEnc)))
    .returning({ id: customerProfiles.id });
  if (erased.length === 0) return false;
  await recordProfileChange(tx, ctx, { customerId: input.customerId, fields: ['idDocument'], channel: input.channel, record: `customer_profiles/${input.customerId}` });
  return true;
}
