import { eq } from 'drizzle-orm';
import { inTransaction } from '../../../db/transaction.ts';
import type { Db } from '../../../db/types.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { encryptField } from '../../../privacy/crypto/field-cipher.ts';
import type { Keyring } from '../../../privacy/crypto/keyring.ts';
import { AppError } from '../../../errors/app-error.ts';
import { attachPhoneDisclosures } from '../../../privacy/disclosures/attach-phone-disclosures.ts';
import { maskMobile, normaliseMobile } from '../phone.ts';
import { readOwnAccount } from '../read-own-account.ts';
import { customers } from '../schema.ts';
import { revokeAllSessions } from '../sessions/manage-sessions.ts';
import { checkSmsCode, codeCheckError, consumeSmsCode, phoneKeyOf } from '../sms-codes.ts';
import { lockSubjectForTransaction } from '../security-events.ts';
import { recordProfileChange } from './profile-history.ts';
import type { ProfileChangeChannel } from './schema.ts';

export interface PhoneChanged {
  phoneMasked: string;
  /** Sessions on other devices that were signed out. */
  otherSessionsEnded: number;
}

/**
 * Second step of changing the mobile number (R-ACC-4): both codes must be right — the one sent to
 * the current number and the one sent to the new number — in one transaction under both numbers'
 * locks (taken in a fixed order, so two changes between the same numbers cannot deadlock). A wrong
 * code counts towards that number's lock (R-ACC-1) and leaves the other code usable.
 *
 * The number is how the account signs in, so every other session is signed out: whoever may have
 * signed in with the old number — on a lost phone, or after the number was reassigned — must sign in
 * again with the new one. The session making the change stays. Audited, and in the edit history.
 */
export async function changePhone(
  ctx: Ctx,
  input: { newPhone: string; currentPhoneCode: string; newPhoneCode: string },
  options: { channel: ProfileChangeChannel; currentSessionId: string },
  deps: { db: Db; keyring: Keyring },
): Promise<PhoneChanged> {
  const { customer, phone: currentPhone } = await readOwnAccount(ctx, deps);
  const customerId = customer.id;
  const newPhone = normaliseMobile(input.newPhone);
  if (newPhone === currentPhone) throw new AppError('phone_unchanged', 'New phone equals the current one');
  const currentKey = phoneKeyOf(deps.keyring, currentPhone);
  const newKey = phoneKeyOf(deps.keyring, newPhone);

  const outcome = await inTransaction(deps.db, async (tx) => {
    for (const key of [currentKey, newKey].sort()) await lockSubjectForTransaction(tx, `sms:${key}`);
    const currentCheck = await checkSmsCode(tx, deps.keyring, { phoneKey: currentKey, code: input.currentPhoneCode, purpose: 'phone_change' });
    if (currentCheck.kind !== 'ok') return { kind: 'refused' as const, field: 'currentPhoneCode', check: currentCheck };
    const newCheck = await checkSmsCode(tx, deps.keyring, { phoneKey: newKey, code: input.newPhoneCode, purpose: 'phone_change' });
    if (newCheck.kind !== 'ok') return { kind: 'refused' as const, field: 'newPhoneCode', check: newCheck };
    await consumeSmsCode(tx, currentCheck.challengeId);
    await consumeSmsCode(tx, newCheck.challengeId);
    // Both codes are spent either way: they proved who holds the numbers, and that is done.
    const [holder] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.phoneBidx, newKey));
    if (holder) return { kind: 'in_use' as const };
    await tx
      .update(customers)
      .set({ phoneEnc: encryptField(deps.keyring, { table: 'customers', column: 'phone_enc', rowId: customerId }, newPhone), phoneBidx: newKey })
      .where(eq(customers.id, customerId));
    await attachPhoneDisclosures(tx, `phone:${currentKey}`, customerId);
    const ended = await revokeAllSessions(tx, customerId, options.currentSessionId);
    await recordProfileChange(tx, ctx, { customerId, fields: ['phone'], channel: options.channel, record: `customers/${customerId}` });
    return { kind: 'changed' as const, ended };
  });

  if (outcome.kind === 'refused') throw codeCheckError(outcome.check, { field: outcome.field });
  if (outcome.kind === 'in_use') throw new AppError('phone_in_use', 'New phone belongs to another account');
  return { phoneMasked: maskMobile(newPhone), otherSessionsEnded: outcome.ended };
}
