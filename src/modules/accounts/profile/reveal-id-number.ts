import { inTransaction } from '../../../db/transaction.ts';
import type { Db } from '../../../db/types.ts';
import { AppError } from '../../../errors/app-error.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { recordAudit } from '../../../privacy/audit/record-audit.ts';
import type { Keyring } from '../../../privacy/crypto/keyring.ts';
import { readOwnAccount } from '../read-own-account.ts';
import { checkSmsCode, codeCheckError, consumeSmsCode, phoneKeyOf } from '../sms-codes.ts';
import { readProfileValues, type StoredIdDocument } from './profile-record.ts';

/**
 * Shows the customer their own full identity document number (the “显示” of the 个人信息 page) after a
 * fresh step-up code sent to the account's number: each code shows it once. The unmask is audited
 * and committed before the value is returned; a wrong code is audited as a refusal and counts
 * towards the number's lock (R-ACC-1).
 */
export async function revealIdNumber(ctx: Ctx, input: { code: string }, deps: { db: Db; keyring: Keyring }): Promise<StoredIdDocument> {
  const { customer, phone } = await readOwnAccount(ctx, deps);
  const customerId = customer.id;
  const record = `customer_profiles/${customerId}`;
  const outcome = await inTransaction(deps.db, async (tx) => {
    const check = await checkSmsCode(tx, deps.keyring, { phoneKey: phoneKeyOf(deps.keyring, phone), code: input.code, purpose: 'step_up' });
    if (check.kind !== 'ok') {
      await recordAudit(tx, ctx, { action: 'refused', subjectId: customerId, record, fields: ['idDocument'] });
      return check;
    }
    await consumeSmsCode(tx, check.challengeId);
    await recordAudit(tx, ctx, { action: 'unmask', subjectId: customerId, record, fields: ['idDocument'] });
    return check;
  });
  if (outcome.kind !== 'ok') throw codeCheckError(outcome, { field: 'code' });
  const { values } = await readProfileValues(ctx, deps, customerId, ['idDocument']);
  if (!values.idDocument) throw new AppError('not_found', 'No identity document to reveal');
  return values.idDocument;
}
