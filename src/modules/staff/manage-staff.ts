import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { revokeAllSessions } from '../accounts/sessions/manage-sessions.ts';
import { authorizeStaff } from './policies.ts';
import { staffRoles, type StaffRole } from './roles.ts';
import { staffMembers } from './schema.ts';

export interface StaffSummary {
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  status: 'active' | 'disabled';
  hasTotp: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export async function listStaff(ctx: Ctx, db: DbOrTx): Promise<StaffSummary[]> {
  authorizeStaff(ctx.actor, 'staff.list');
  const rows = await db.select().from(staffMembers).orderBy(asc(staffMembers.username));
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as StaffRole[],
    status: row.status,
    hasTotp: row.totpEnrolledAt !== null,
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
  }));
}

/** Replaces a staff member's roles. An administrator cannot remove their own administrator role (no lock-out). */
export async function assignStaffRoles(ctx: Ctx, input: { staffId: string; roles: StaffRole[] }, db: DbOrTx): Promise<void> {
  const admin = authorizeStaff(ctx.actor, 'staff.assign_roles');
  const roles = [...new Set(input.roles)];
  if (roles.length === 0 || roles.some((role) => !staffRoles.includes(role))) {
    throw new AppError('validation_failed', 'Bad roles', { errors: [{ pointer: '/body/roles', detail: staffRoles.join(', ') }] });
  }
  if (input.staffId === admin.id && !roles.includes('administrator')) throw new AppError('self_lockout', 'Administrators cannot remove their own administrator role');
  const updated = await db.update(staffMembers).set({ roles }).where(eq(staffMembers.id, input.staffId)).returning({ id: staffMembers.id });
  if (updated.length === 0) throw new AppError('not_found', 'No such staff member');
}

/** Disables an account and ends its sessions at once. */
export async function disableStaffMember(ctx: Ctx, input: { staffId: string }, db: DbOrTx): Promise<void> {
  const admin = authorizeStaff(ctx.actor, 'staff.disable');
  if (input.staffId === admin.id) throw new AppError('self_lockout', 'Administrators cannot disable themselves');
  const updated = await db.update(staffMembers).set({ status: 'disabled' }).where(eq(staffMembers.id, input.staffId)).returning({ id: staffMembers.id });
  if (updated.length === 0) throw new AppError('not_found', 'No such staff member');
  await revokeAllSessions(db, input.staffId);
}
