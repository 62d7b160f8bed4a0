import { randomBytes } from 'node:crypto';
import { AppError } from '../../errors/app-error.ts';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { newId } from '../../shared/ids.ts';
import { assessPassword } from '../../shared/password-strength.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { authorizeStaff } from './policies.ts';
import { staffRoles, type StaffRole } from './roles.ts';
import { staffMembers } from './schema.ts';

export interface NewStaffMember {
  username: string;
  displayName: string;
  roles: StaffRole[];
  /** Omitted: a random initial password is generated and returned once. */
  password?: string;
}

export const USERNAME_PATTERN = '^[a-z][a-z0-9._-]{2,31}$';

/**
 * Creates a staff account (administrators in the console; the CLI acts as the system for the first
 * administrator). The person enrols TOTP at first sign-in; until then the account cannot get in.
 */
export async function createStaffMember(ctx: Ctx, input: NewStaffMember, db: DbOrTx): Promise<{ id: string; initialPassword: string | null }> {
  if (ctx.actor.type !== 'system') authorizeStaff(ctx.actor, 'staff.create');
  if (!new RegExp(USERNAME_PATTERN).test(input.username)) {
    throw new AppError('validation_failed', 'Bad username', { errors: [{ pointer: '/body/username', detail: 'a-z, 0-9, . _ - ; 3–32 characters, starting with a letter' }] });
  }
  const roles = [...new Set(input.roles)];
  if (roles.length === 0 || roles.some((role) => !staffRoles.includes(role))) {
    throw new AppError('validation_failed', 'Bad roles', { errors: [{ pointer: '/body/roles', detail: staffRoles.join(', ') }] });
  }
  const password = input.password ?? generatePassword();
  if (!assessPassword(password).isAcceptable) throw new AppError('password_weak', 'Initial staff password refused as weak');
  const id = newId('stf');
  const inserted = await db
    .insert(staffMembers)
    .values({ id, username: input.username, displayName: input.displayName.trim(), passwordHash: await hashPassword(password), roles })
    .onConflictDoNothing({ target: staffMembers.username })
    .returning({ id: staffMembers.id });
  if (inserted.length === 0) throw new AppError('username_taken', 'Username taken', { errors: [{ pointer: '/body/username', detail: 'taken' }] });
  return { id, initialPassword: input.password === undefined ? password : null };
}

function generatePassword(): string {
  // 16 characters from 62 symbols (~95 bits), always with upper, lower and digit.
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const body = [...randomBytes(13)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `Bt${body}7`;
}
