import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Actor } from '../../privacy/access/context.ts';
import type { StaffRole } from './roles.ts';
import { staffMembers } from './schema.ts';

/** The actor of a staff session: only active staff, with their roles as they are now (not at sign-in). */
export async function loadStaffActor(db: DbOrTx, staffId: string): Promise<Extract<Actor, { type: 'staff' }> | null> {
  const [member] = await db
    .select({ id: staffMembers.id, roles: staffMembers.roles })
    .from(staffMembers)
    .where(and(eq(staffMembers.id, staffId), eq(staffMembers.status, 'active')));
  if (!member) return null;
  return { type: 'staff', id: member.id, roles: member.roles as StaffRole[] };
}
