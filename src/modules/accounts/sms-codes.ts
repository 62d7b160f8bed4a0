import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Db, DbOrTx } from '../../db/types.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { SmsProvider } from '../../integrations/sms/sms-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { blindIndex, hashSecret, secretMatches } from '../../privacy/crypto/blind-index.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { checkDisclosure, recipientOfIntegration, recordDisclosure, type DisclosureRequest } from '../../privacy/disclosures/disclose.ts';
import { newId } from '../../shared/ids.ts';
import { signInLimits } from './limits.ts';
import { smsChallenges, type SmsCodePurpose } from './schema.ts';
import { countRecentEvents, lockSubject, lockSubjectForTransaction, lockedForSeconds, recordEvent } from './security-events.ts';

export type { SmsCodePurpose } from './schema.ts';

export interface AccountsDeps {
  db: Db;
  keyring: Keyring;
  sms: SmsProvider;
}

export interface CodeRequested {
  expiresInSeconds: number;
  resendAfterSeconds: number;
  /** Only in demo mode (no real SMS): the code, for the page to show under a 演示模式 label. */
  demoCode?: string;
}

export function phoneKeyOf(keyring: Keyring, e164: string): string {
  return blindIndex(keyring, 'phone', e164);
}

/**
 * Sends a 6-digit code to a mainland mobile (E.164) for one purpose: signing in, confirming a phone
 * change, or a step-up before showing a sensitive value. The limits of R-ACC-1 hold across purposes
 * (5 codes per number and 20 per IP an hour, the lock after wrong codes); the 60 s pause is per
 * purpose, so a person who just signed in can ask for a step-up code at once. The checks and the
 * new challenge are one transaction under a per-number lock, so parallel requests (even to other
 * processes) cannot slip past the limits; if the SMS provider fails, nothing is kept.
 * `subjectKey` names whose number it is in the disclosure ledger (the customer id once known).
 */
export async function sendSmsCode(ctx: Ctx, input: { phone: string; purpose: SmsCodePurpose; subjectKey?: string }, deps: AccountsDeps): Promise<CodeRequested> {
  const { phone, purpose } = input;
  const phoneKey = phoneKeyOf(deps.keyring, phone);
  const ipKey = ctx.ip ? hashSecret(deps.keyring, 'ip', ctx.ip) : null;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const challengeId = newId('chl');

  await inTransaction(deps.db, async (tx) => {
    await lockSubjectForTransaction(tx, `sms:${phoneKey}`);
    const locked = await lockedForSeconds(tx, phoneKey);
    if (locked > 0) throw new AppError('sign_in_locked', 'Phone is locked after wrong codes', { params: { minutes: Math.ceil(locked / 60) } });
    const [latest] = await tx
      .select({ age: sql<number>`extract(epoch from (now() - ${smsChallenges.createdAt}))::int` })
      .from(smsChallenges)
      .where(
        and(
          eq(smsChallenges.phoneBidx, phoneKey),
          eq(smsChallenges.purpose, purpose),
          gt(smsChallenges.createdAt, sql`now() - make_interval(secs => ${signInLimits.resendCooldownSeconds})`),
        ),
      )
      .orderBy(desc(smsChallenges.createdAt))
      .limit(1);
    if (latest) {
      throw new AppError('sms_cooldown', 'Code requested again within the cooldown', { params: { seconds: Math.max(1, signInLimits.resendCooldownSeconds - latest.age) } });
    }
    if ((await countRecentEvents(tx, 'sms_sent_phone', phoneKey, 3600)) >= signInLimits.maxSendsPerPhonePerHour) {
      throw new AppError('sms_limit_phone', 'Hourly code limit of the phone reached');
    }
    if (ipKey && (await countRecentEvents(tx, 'sms_sent_ip', ipKey, 3600)) >= signInLimits.maxSendsPerIpPerHour) {
      throw new AppError('sms_limit_ip', 'Hourly code limit of the IP reached');
    }
    await tx.insert(smsChallenges).values({
      id: challengeId,
      phoneBidx: phoneKey,
      purpose,
      codeHash: hashSecret(deps.keyring, `sms:${challengeId}`, code),
      expiresAt: sql`now() + make_interval(secs => ${signInLimits.codeTtlSeconds})`,
    });
    await recordEvent(tx, 'sms_sent_phone', phoneKey);
    if (ipKey) await recordEvent(tx, 'sms_sent_ip', ipKey);
  });

  let receipt;
  try {
    const disclosure = await smsDisclosure(ctx, deps, input.subjectKey ?? `phone:${phoneKey}`);
    receipt = await deps.sms.send({ to: phone, template: 'verification_code', params: { code, minutes: signInLimits.codeTtlSeconds / 60 } });
    if (disclosure) await recordDisclosure(ctx, deps.db, disclosure);
  } catch (error) {
    // Not sent: the person must be able to ask again at once, so the challenge and its counts go.
    await forgetChallenge(deps.db, challengeId, phoneKey, ipKey);
    throw error;
  }
  return {
    expiresInSeconds: signInLimits.codeTtlSeconds,
    resendAfterSeconds: signInLimits.resendCooldownSeconds,
    ...(receipt.demoCode ? { demoCode: receipt.demoCode } : {}),
  };
}

export type CodeCheck =
  | { kind: 'ok'; challengeId: string }
  | { kind: 'locked'; seconds: number }
  | { kind: 'expired' }
  | { kind: 'wrong'; remaining: number };

/**
 * Checks a code against the newest live challenge of the number for the purpose, inside the caller's
 * transaction (under the number's lock). A wrong code is counted — the caller returns the outcome
 * rather than throwing, so the count commits — and the 5th within 15 minutes locks the number for
 * 15 minutes and burns the code. A right code is not consumed here: the caller consumes it with
 * consumeSmsCode once everything else it needs has succeeded.
 */
export async function checkSmsCode(tx: DbOrTx, keyring: Keyring, input: { phoneKey: string; code: string; purpose: SmsCodePurpose }): Promise<CodeCheck> {
  const { phoneKey } = input;
  await lockSubjectForTransaction(tx, `sms:${phoneKey}`);
  const locked = await lockedForSeconds(tx, phoneKey);
  if (locked > 0) return { kind: 'locked', seconds: locked };
  const [challenge] = await tx
    .select()
    .from(smsChallenges)
    .where(and(eq(smsChallenges.phoneBidx, phoneKey), eq(smsChallenges.purpose, input.purpose), isNull(smsChallenges.consumedAt), gt(smsChallenges.expiresAt, sql`now()`)))
    .orderBy(desc(smsChallenges.createdAt))
    .limit(1);
  if (!challenge) return { kind: 'expired' };
  if (secretMatches(keyring, `sms:${challenge.id}`, input.code.trim(), challenge.codeHash)) return { kind: 'ok', challengeId: challenge.id };
  await tx.update(smsChallenges).set({ attempts: sql`${smsChallenges.attempts} + 1` }).where(eq(smsChallenges.id, challenge.id));
  await recordEvent(tx, 'code_wrong', phoneKey);
  const wrong = await countRecentEvents(tx, 'code_wrong', phoneKey, signInLimits.wrongAttemptWindowSeconds);
  if (wrong >= signInLimits.maxWrongAttempts) {
    await lockSubject(tx, phoneKey, signInLimits.lockSeconds);
    // The code is burnt too: after the lock, a new one must be requested.
    await consumeSmsCode(tx, challenge.id);
    return { kind: 'locked', seconds: signInLimits.lockSeconds };
  }
  return { kind: 'wrong', remaining: signInLimits.maxWrongAttempts - wrong };
}

/** A code works once. */
export async function consumeSmsCode(tx: DbOrTx, challengeId: string): Promise<void> {
  await tx.update(smsChallenges).set({ consumedAt: sql`now()` }).where(eq(smsChallenges.id, challengeId));
}

/** The refusal a failed check stands for (after its transaction committed the count). */
export function codeCheckError(check: Exclude<CodeCheck, { kind: 'ok' }>, details: Record<string, unknown> = {}): AppError {
  if (check.kind === 'locked') return new AppError('sign_in_locked', 'Phone locked after wrong codes', { params: { minutes: Math.ceil(check.seconds / 60) }, details });
  if (check.kind === 'expired') return new AppError('code_expired', 'No live code for this phone', { details });
  return new AppError('code_invalid', 'Wrong code', { params: { remaining: check.remaining }, details });
}

/**
 * Sending a code through an outside SMS service gives it the number: a disclosure, allowed only under
 * an agreement in the registry (checked before sending) and recorded in the ledger after it.
 */
async function smsDisclosure(ctx: Ctx, deps: AccountsDeps, subjectKey: string): Promise<DisclosureRequest | null> {
  const integration = deps.sms.recipientIntegration;
  if (!integration) return null;
  const recipientId = await recipientOfIntegration(deps.db, integration);
  const request: DisclosureRequest = {
    recipientId: recipientId ?? `unregistered:${integration}`,
    subjectKey,
    fields: [{ name: 'phone', category: 'contact.phone' }],
    purpose: 'account',
    basis: 'contract',
  };
  await checkDisclosure(ctx, deps.db, request);
  return request;
}

async function forgetChallenge(db: Db, challengeId: string, phoneKey: string, ipKey: string | null): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.delete(smsChallenges).where(eq(smsChallenges.id, challengeId));
    await tx.execute(sql`delete from security_events where id in (
      select id from security_events where kind = 'sms_sent_phone' and subject_key = ${phoneKey} order by at desc limit 1)`);
    if (ipKey) {
      await tx.execute(sql`delete from security_events where id in (
        select id from security_events where kind = 'sms_sent_ip' and subject_key = ${ipKey} order by at desc limit 1)`);
    }
  });
}
