import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { blindIndex } from '../../privacy/crypto/blind-index.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { signInLimits } from './limits.ts';
import { burnPasswordCheck, passwordMatches } from './passwords.ts';
import { normaliseMobile } from './phone.ts';
import { customers } from './schema.ts';
import { countRecentEvents, lockSubject, lockedForSeconds, recordEvent } from './security-events.ts';
import { createSession, endSession, type SessionOrigin } from './sessions/manage-sessions.ts';
import type { SignedIn } from './verify-sign-in-code.ts';

/**
 * Phone + password sign-in for customers who set one (R-ACC-3), under the same lockout as codes:
 * 5 wrong passwords in 15 minutes lock the number for 15 minutes. Unknown numbers and numbers without
 * a password answer exactly like a wrong password, after the same hashing work.
 */
export async function signInWithPassword(
  _ctx: Ctx,
  input: { phone: string; password: string; replacesSessionId?: string },
  origin: SessionOrigin,
  deps: { db: Db; keyring: Keyring },
): Promise<SignedIn> {
  const phone = normaliseMobile(input.phone);
  const phoneKey = blindIndex(deps.keyring, 'phone', phone);
  const locked = await lockedForSeconds(deps.db, phoneKey);
  if (locked > 0) throw new AppError('sign_in_locked', 'Phone locked', { params: { minutes: Math.ceil(locked / 60) } });
  const [customer] = await deps.db.select({ id: customers.id, passwordHash: customers.passwordHash }).from(customers).where(eq(customers.phoneBidx, phoneKey));
  const isRight = customer?.passwordHash ? await passwordMatches(customer.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!customer || !isRight) {
    await recordEvent(deps.db, 'password_wrong', phoneKey);
    if ((await countRecentEvents(deps.db, 'password_wrong', phoneKey, signInLimits.wrongAttemptWindowSeconds)) >= signInLimits.maxWrongAttempts) {
      await lockSubject(deps.db, phoneKey, signInLimits.lockSeconds);
      throw new AppError('sign_in_locked', 'Phone locked after wrong passwords', { params: { minutes: signInLimits.lockSeconds / 60 } });
    }
    throw new AppError('credentials_invalid', 'Wrong phone or password');
  }
  return deps.db.transaction(async (tx) => {
    await tx.update(customers).set({ lastSignInAt: sql`now()` }).where(eq(customers.id, customer.id));
    if (input.replacesSessionId) await endSession(tx, input.replacesSessionId);
    const { token, session } = await createSession(tx, 'customer', customer.id, origin);
    return { customerId: customer.id, isNewAccount: false, sessionToken: token, sessionId: session.id };
  });
}
