import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../db/types.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { SmsProvider } from '../../integrations/sms/sms-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { blindIndex, hashSecret } from '../../privacy/crypto/blind-index.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { newId } from '../../shared/ids.ts';
import { checkDisclosure, recipientOfIntegration, recordDisclosure, type DisclosureRequest } from '../../privacy/disclosures/disclose.ts';
import { signInLimits } from './limits.ts';
import { normaliseMobile } from './phone.ts';
import { smsChallenges } from './schema.ts';
import { countRecentEvents, lockSubjectForTransaction, lockedForSeconds, recordEvent } from './security-events.ts';

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

/**
 * Sends a 6-digit sign-in code to a mainland mobile (R-ACC-1): refused while the number is locked,
 * within 60 s of the previous code, after 5 codes to the number or 20 from the IP in an hour. The
 * checks and the new challenge are one transaction under a per-number lock, so parallel requests
 * (even to other processes) cannot slip past the limits; if the SMS provider fails, nothing is kept.
 */
export async function requestSignInCode(ctx: Ctx, input: { phone: string }, deps: AccountsDeps): Promise<CodeRequested> {
  const phone = normaliseMobile(input.phone);
  const phoneKey = blindIndex(deps.keyring, 'phone', phone);
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
      .where(and(eq(smsChallenges.phoneBidx, phoneKey), gt(smsChallenges.createdAt, sql`now() - make_interval(secs => ${signInLimits.resendCooldownSeconds})`)))
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
      codeHash: hashSecret(deps.keyring, `sms:${challengeId}`, code),
      expiresAt: sql`now() + make_interval(secs => ${signInLimits.codeTtlSeconds})`,
    });
    await recordEvent(tx, 'sms_sent_phone', phoneKey);
    if (ipKey) await recordEvent(tx, 'sms_sent_ip', ipKey);
  });

  let receipt;
  try {
    const disclosure = await smsDisclosure(ctx, deps, phoneKey);
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

/**
 * Sending a code through an outside SMS service gives it the number: a disclosure, allowed only under
 * an agreement in the registry (checked before sending) and recorded in the ledger after it.
 */
async function smsDisclosure(ctx: Ctx, deps: AccountsDeps, phoneKey: string): Promise<DisclosureRequest | null> {
  const integration = deps.sms.recipientIntegration;
  if (!integration) return null;
  const recipientId = await recipientOfIntegration(deps.db, integration);
  const request: DisclosureRequest = {
    recipientId: recipientId ?? `unregistered:${integration}`,
    subjectKey: `phone:${phoneKey}`,
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
