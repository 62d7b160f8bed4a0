import { eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { encryptField } from '../../privacy/crypto/field-cipher.ts';
import { newId } from '../../shared/ids.ts';
import { normaliseMobile } from './phone.ts';
import { customers } from './schema.ts';
import { checkSmsCode, codeCheckError, consumeSmsCode, phoneKeyOf, type AccountsDeps } from './sms-codes.ts';
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
  const phoneKey = phoneKeyOf(deps.keyring, phone);
  const outcome = await inTransaction(deps.db, async (tx) => {
    const check = await checkSmsCode(tx, deps.keyring, { phoneKey, code: input.code, purpose: 'sign_in' });
    if (check.kind !== 'ok') return check;
    await consumeSmsCode(tx, check.challengeId);
    const customer = await findOrRegister(tx, phone, phoneKey, deps.keyring);
    if (input.replacesSessionId) await endSession(tx, input.replacesSessionId);
    const { token, session } = await createSession(tx, 'customer', customer.id, origin);
    return { kind: 'signed_in' as const, customer, token, sessionId: session.id };
  });

  if (outcome.kind !== 'signed_in') throw codeCheckError(outcome);
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
