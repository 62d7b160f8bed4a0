import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/types.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { activeCustomerId } from '../read-own-account.ts';
import { customerProfileChanges, type ProfileChangeChannel } from './schema.ts';

export interface ProfileChange {
  at: Date;
  fields: string[];
  /** `self` when the person made the change; `staff` or `system` otherwise (no staff names shown). */
  by: 'self' | 'staff' | 'system';
  channel: ProfileChangeChannel;
}

/** The signed-in customer's edit history, newest first (the latest 50). */
export async function listProfileChanges(ctx: Ctx, deps: { db: DbOrTx }): Promise<ProfileChange[]> {
  const customerId = await activeCustomerId(ctx, deps.db);
  const rows = await deps.db
    .select()
    .from(customerProfileChanges)
    .where(eq(customerProfileChanges.customerId, customerId))
    .orderBy(desc(customerProfileChanges.at), desc(customerProfileChanges.id))
    .limit(50);
  return rows.map((row) => ({
    at: row.at,
    fields: row.fields,
    by: row.actorType === 'customer' && row.actorId === customerId ? 'self' : row.actorType === 'staff' ? 'staff' : 'system',
    channel: row.channel,
  }));
}
