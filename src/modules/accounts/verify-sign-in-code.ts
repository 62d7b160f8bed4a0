import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { blindIndex, secretMatches } from '../../privacy/crypto/blind-index.ts';
import { encryptField } from '../../privacy/crypto/field-cipher.ts';
import { newId } from '../../shared/ids.ts';
import { signInLimits } from './limits.ts';
import { normaliseMobile } from './phone.ts';
import type { AccountsDeps } from './request-sign-in-code.ts';
import { customers, smsChallenges } from './schema.ts';
import { countRecentEvents, lockSubject, lockSubjectForTransaction, lockedForSeconds, recordEvent } from './security-events.ts';
import { createSession, endSession, type SessionOrigin } from './sessions/manage-sessions.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import type { DbOrTx } from '../../db/types.ts';

export interface SignedIn {
  customerId: string;
  isNewAccount: boolean;
  sessionToken: string;
  sessionId: string;
}

/**
 * Checks an SMS code and signs the person in, registering them on first use (R-ACC-1). A code works
 * once and for 5 minutes; 5 wrong codes within 15 minutes lock the number for 15 minutes. A wrong
 * code is recorded even though the sign-in fails, so the counting itself is committed separately.
 * The session is always new (a token from before sign-in is never promoted: no session fixation).
 */
export async function verifySignInCode(
  _ctx: Ctx,
  input: { phone: string; code: string; replacesSessionId?: string },
  origin: SessionOrigin,
  deps: Omit<AccountsDeps, 'sms'>,
): Promise<SignedIn> {
  const phone = normaliseMobile(input.phone);
  const phoneKey = blindIndex(deps.keyring, 'phone', phone);
  const outcome = await inTransaction(deps.db, async (tx) => {
    await lockSubjectForTransaction(tx, `sms:${phoneKey}`);
    const locked = await lockedForSeconds(tx, phoneKey);
    if (locked > 0) return { kind: 'locked' as const, seconds: locked };
    const [challenge] = await tx
      .select()
      .from(smsChallenges)
      .where(and(eq(smsChallenges.phoneBidx, phoneKey), isNull(smsChallenges.consumedAt), gt(smsChallenges.expiresAt, sql`now()`)))
      .orderBy(desc(smsChallenges.createdAt))
      .limit(1);
    if (!challenge) return { kind: 'expired' as const };
    if (!secretMatches(deps.keyring, `sms:${challenge.id}`, input.code.trim(), challenge.codeHash)) {
      await tx.update(smsChallenges).set({ attempts: sql`${smsChallenges.attempts} + 1` }).where(eq(smsChallenges.id, challenge.id));
      await recordEvent(tx, 'code_wrong', phoneKey);
      const wrong = await countRecentEvents(tx, 'code_wrong', phoneKey, signInLimits.wrongAttemptWindowSeconds);
      if (wrong >= signInLimits.maxWrongAttempts) {
        await lockSubject(tx, phoneKey, signInLimits.lockSeconds);
        // The code is burnt too: after the lock, a new one must be requested.
        await tx.update(smsChallenges).set({ consumedAt: sql`now()` }).where(eq(smsChallenges.id, challenge.id));
        return { kind: 'locked' as const, seconds: signInLimits.lockSeconds };
      }
      return { kind: 'wrong' as const, remaining: signInLimits.maxWrongAttempts - wrong };
    }
    await tx.update(smsChallenges).set({ consumedAt: sql`now()` }).where(eq(smsChallenges.id, challenge.id));
    const customer = await findOrRegister(tx, phone, phoneKey, deps.keyring);
    if (input.replacesSessionId) await endSession(tx, input.replacesSessionId);
    const { token, session } = await createSession(tx, 'customer', customer.id, origin);
    return { kind: 'signed_in' as const, customer, token, sessionId: session.id };
  });

  if (outcome.kind === 'locked') throw new AppError('sign_in_locked', 'Phone locked after wrong codes', { params: { minutes: Math.ceil(outcome.seconds / 60) } });
  if (outcome.kind === 'expired') throw new AppError('code_expired', 'No live code for this phone');
  if (outcome.kind === 'wrong') throw new AppError('code_invalid', 'Wrong code', { params: { remaining: outcome.remaining } });
  return { customerId: outcome.customer.id, isNewAccount: outcome.customer.isNew, sessionToken: outcome.token, sessionId: outcome.sessionId };
}

async function findOrRegister(tx: DbOrTx, phone: string, phoneKey: string, keyring: Keyring): Promise<{ id: string; isNew: boolean }> {
  const [existing] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.phoneBidx, phoneKey));
  if (existing) {
    await tx.update(customers).set({ lastSignInAt: sql`now()` }).where(eq(customers.id, existing.id));
    return { id: existing.id, isNew: false };
  }
  const id = newId('cus');
  await tx.insert(customers).values({
    id,
    phoneEnc: encryptField(keyring, { table: 'customers', column: 'phone_enc', rowId: id }, phone),
    phoneBidx: phoneKey,
    lastSignInAt: sql`now()`,
  });
  return { id, isNew: true };
}
