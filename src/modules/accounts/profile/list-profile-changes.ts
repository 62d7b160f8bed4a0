import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/types.ts';
import { customerProfileChanges, type ProfileChangeChannel } from './schema.ts';

export interface ProfileChange {
  at: Date;
  fields: string[];
  /** `self` when the person made the change; `staff` or `system` otherwise (no staff names shown). */
  by: 'self' | 'staff' | 'system';
  channel: ProfileChangeChannel;
}

/** A customer's edit history, newest first (the latest 50), as its owner sees it. */
export async function listProfileChanges(db: DbOrTx, customerId: string): Promise<ProfileChange[]> {
  const rows = await db
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
