import { and, eq, isNull } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { SmsProvider } from '../../integrations/sms/sms-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { purposeNotice } from '../../privacy/consent/purpose-notices.ts';
import { recordConsent } from '../../privacy/consent/record-consent.ts';
import { encryptField } from '../../privacy/crypto/field-cipher.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { newId } from '../../shared/ids.ts';
import { normaliseMobile } from '../accounts/phone.ts';
import { readOwnAccount } from '../accounts/read-own-account.ts';
import { checkSmsCode, codeCheckError, consumeSmsCode, phoneKeyOf, sendSmsCode, type CodeRequested } from '../accounts/sms-codes.ts';
import { ageStandingOf } from './age-standing.ts';
import { guardianConsents, type GuardianRelationship } from './schema.ts';

interface Deps {
  db: Db;
  keyring: Keyring;
  sms: SmsProvider;
}

/** Only an account waiting for a guardian has a guardian flow; the guardian's number is not the child's. */
async function requireAwaitingGuardian(ctx: Ctx, deps: Deps, guardianPhone: string): Promise<{ customerId: string }> {
  const { customer, phone } = await readOwnAccount({ ...ctx, purpose: 'account' }, deps);
  if ((await ageStandingOf({ ...ctx, purpose: 'account' }, deps, customer.id)) !== 'child_awaiting_guardian') {
    throw new AppError('conflict', 'No guardian consent is awaited for this account');
  }
  if (guardianPhone === phone) throw new AppError('guardian_phone_is_child', 'Guardian number equals the account number', { details: { fields: ['guardianPhone'] } });
  return { customerId: customer.id };
}

/** Step 1 of the guardian flow: a code to the guardian's own mobile, proving they hold it. */
export async function requestGuardianCode(ctx: Ctx, input: { guardianPhone: string }, deps: Deps): Promise<CodeRequested> {
  const guardianPhone = normaliseMobile(input.guardianPhone);
  const { customerId } = await requireAwaitingGuardian(ctx, deps, guardianPhone);
  return sendSmsCode(ctx, { phone: guardianPhone, purpose: 'guardian_consent', subjectKey: customerId }, deps);
}

/**
 * Step 2: the guardian enters the code, states the relationship and explicitly consents (R-MIN-1).
 * The consent is recorded against the child's account, acted by the guardian, with the exact text;
 * the guardian's number is kept encrypted (to reach them about the child's account) with a blind
 * index. From then on the account works.
 */
export async function giveGuardianConsent(
  ctx: Ctx,
  input: { guardianPhone: string; code: string; relationship: GuardianRelationship; agreed: boolean; version: number },
  language: Language,
  deps: Deps,
): Promise<void> {
  if (!input.agreed) throw new AppError('validation_failed', 'Guardian consent not ticked', { details: { fields: ['agreed'] } });
  const notice = purposeNotice('minor_guardian', language);
  if (input.version !== notice.version) throw new AppError('consent_text_changed', `Guardian consent on version ${input.version}, current ${notice.version}`);
  const guardianPhone = normaliseMobile(input.guardianPhone);
  const { customerId } = await requireAwaitingGuardian(ctx, deps, guardianPhone);
  const phoneKey = phoneKeyOf(deps.keyring, guardianPhone);
  const outcome = await inTransaction(deps.db, async (tx) => {
    const check = await checkSmsCode(tx, deps.keyring, { phoneKey, code: input.code, purpose: 'guardian_consent' });
    if (check.kind !== 'ok') return check;
    await consumeSmsCode(tx, check.challengeId);
    const consentRecordId = await recordConsent(ctx, tx, {
      subject: { type: 'customer', id: customerId },
      matter: { purpose: 'minor_guardian' },
      version: notice.version,
      text: notice.text,
      action: 'accepted',
      channel: 'web',
      actedBy: 'guardian',
    });
    const id = newId('gdn');
    await tx.insert(guardianConsents).values({
      id,
      customerId,
      guardianPhoneEnc: encryptField(deps.keyring, { table: 'guardian_consents', column: 'guardian_phone_enc', rowId: id }, guardianPhone),
      guardianPhoneBidx: phoneKey,
      relationshipEnc: encryptField(deps.keyring, { table: 'guardian_consents', column: 'relationship_enc', rowId: id }, input.relationship),
      consentRecordId,
    });
    await recordAudit(tx, ctx, { action: 'create', subjectId: customerId, record: `guardian_consents/${id}`, fields: ['guardian_phone', 'relationship'] });
    return { kind: 'ok' as const };
  });
  if (outcome.kind !== 'ok') throw codeCheckError(outcome, { fields: ['code'] });
}

/** The guardian withdraws: the child's account is restricted again at once (and the consent state says no). */
export async function withdrawGuardianConsent(ctx: Ctx, language: Language, deps: { db: Db }): Promise<void> {
  if (ctx.actor.type !== 'customer') throw new AppError('unauthorized', 'Customer session required');
  const customerId = ctx.actor.id;
  const notice = purposeNotice('minor_guardian', language);
  await inTransaction(deps.db, async (tx) => {
    const withdrawn = await tx
      .update(guardianConsents)
      .set({ withdrawnAt: new Date() })
      .where(and(eq(guardianConsents.customerId, customerId), isNull(guardianConsents.withdrawnAt)))
      .returning({ id: guardianConsents.id });
    if (withdrawn.length === 0) throw new AppError('not_found', 'No guardian consent in force');
    await recordConsent(ctx, tx, { subject: { type: 'customer', id: customerId }, matter: { purpose: 'minor_guardian' }, version: notice.version, text: notice.text, action: 'withdrawn', channel: 'web', actedBy: 'guardian' });
  });
}
