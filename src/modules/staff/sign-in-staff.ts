import { and, eq, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { encryptField } from '../../privacy/crypto/field-cipher.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { signInLimits } from '../accounts/limits.ts';
import { burnPasswordCheck, passwordMatches } from '../accounts/passwords.ts';
import { countRecentEvents, lockSubject, lockedForSeconds, recordEvent, type SecurityEventKind } from '../accounts/security-events.ts';
import { createSession, type SessionOrigin } from '../accounts/sessions/manage-sessions.ts';
import { staffMembers } from './schema.ts';
import { issueStepToken, readStepToken } from './step-token.ts';
import { acceptTotp, newTotpSecret, totpUri } from './totp.ts';

export interface StaffDeps {
  db: Db;
  keyring: Keyring;
}

export type PasswordStepResult =
  | { step: 'totp'; stepToken: string }
  | { step: 'enroll'; stepToken: string; otpauthUri: string; qrDataUrl: string; secret: string };

const totpLocation = (staffId: string) => ({ table: 'staff_members', column: 'totp_secret_enc', rowId: staffId });

/**
 * Step 1 of a staff sign-in (R-SEC-8): username and password. Leads to the TOTP step, or — on first
 * sign-in — to enrolment with a fresh secret as a QR code. 5 wrong passwords or codes in 15 minutes
 * lock the account for 15 minutes; unknown usernames cost the same hashing and answer the same.
 */
export async function checkStaffPassword(_ctx: Ctx, input: { username: string; password: string }, deps: StaffDeps): Promise<PasswordStepResult> {
  const lockKey = `staff:${input.username}`;
  await refuseWhileLocked(deps.db, lockKey);
  const [member] = await deps.db
    .select()
    .from(staffMembers)
    .where(and(eq(staffMembers.username, input.username), eq(staffMembers.status, 'active')));
  const isRight = member ? await passwordMatches(member.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!member || !isRight) return countFailure(deps.db, lockKey, 'password_wrong', 'credentials_invalid');
  if (member.totpEnrolledAt && member.totpSecretEnc) return { step: 'totp', stepToken: issueStepToken(deps.keyring, { staffId: member.id, step: 'totp' }) };
  const secret = newTotpSecret();
  const otpauthUri = totpUri(member.username, secret);
  return {
    step: 'enroll',
    stepToken: issueStepToken(deps.keyring, { staffId: member.id, step: 'enroll', pendingSecret: secret }),
    otpauthUri,
    qrDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }),
    secret,
  };
}

/** Step 2: the code from the authenticator app (which, on enrolment, also confirms the app works). */
export async function completeStaffSignIn(
  ctx: Ctx,
  input: { stepToken: string; code: string },
  origin: SessionOrigin,
  deps: StaffDeps,
): Promise<{ staffId: string; sessionToken: string }> {
  const claims = readStepToken(deps.keyring, input.stepToken);
  if (!claims) throw new AppError('session_expired', 'Staff sign-in step token invalid or expired');
  const lockKey = `staff-id:${claims.staffId}`;
  await refuseWhileLocked(deps.db, lockKey);
  const [member] = await deps.db.select().from(staffMembers).where(and(eq(staffMembers.id, claims.staffId), eq(staffMembers.status, 'active')));
  if (!member) throw new AppError('session_expired', 'Staff member no longer active');
  const secret = claims.step === 'enroll' ? claims.pendingSecret : member.totpSecretEnc ? await readPersonalField(ctx, deps, totpLocation(member.id), member.totpSecretEnc) : undefined;
  if (!secret || (claims.step === 'enroll' && member.totpEnrolledAt)) throw new AppError('session_expired', 'Sign-in step no longer applies');
  const step = acceptTotp(secret, input.code.trim(), member.totpLastStep);
  if (step === null) return countFailure(deps.db, lockKey, 'totp_wrong', 'totp_invalid');

  return deps.db.transaction(async (tx) => {
    await tx
      .update(staffMembers)
      .set({
        totpLastStep: step,
        lastSignInAt: sql`now()`,
        ...(claims.step === 'enroll' ? { totpSecretEnc: encryptField(deps.keyring, totpLocation(member.id), secret), totpEnrolledAt: sql`now()` } : {}),
      })
      .where(eq(staffMembers.id, member.id));
    const { token } = await createSession(tx, 'staff', member.id, origin);
    return { staffId: member.id, sessionToken: token };
  });
}

async function refuseWhileLocked(db: Db, lockKey: string): Promise<void> {
  const locked = await lockedForSeconds(db, lockKey);
  if (locked > 0) throw new AppError('sign_in_locked', 'Staff sign-in locked', { params: { minutes: Math.ceil(locked / 60) } });
}

async function countFailure(db: Db, lockKey: string, kind: SecurityEventKind, code: 'credentials_invalid' | 'totp_invalid'): Promise<never> {
  await recordEvent(db, kind, lockKey);
  if ((await countRecentEvents(db, kind, lockKey, signInLimits.wrongAttemptWindowSeconds)) >= signInLimits.maxWrongAttempts) {
    await lockSubject(db, lockKey, signInLimits.lockSeconds);
    throw new AppError('sign_in_locked', 'Staff sign-in locked after failures', { params: { minutes: signInLimits.lockSeconds / 60 } });
  }
  throw new AppError(code, 'Staff sign-in step failed');
}
