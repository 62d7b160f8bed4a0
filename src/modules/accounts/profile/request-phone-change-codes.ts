import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { AppError, isAppError } from '../../../errors/app-error.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { readOwnAccount } from '../read-own-account.ts';
import { normaliseMobile } from '../phone.ts';
import { smsChallenges } from '../schema.ts';
import { phoneKeyOf, sendSmsCode, type AccountsDeps, type CodeRequested } from '../sms-codes.ts';
import { signInLimits } from '../limits.ts';

/**
 * First step of changing the account's mobile number (R-ACC-4): a code to the new number (proving the
 * person holds it) and one to the current number (proving the account holder agrees), each under
 * the limits of R-ACC-1. Whether the new number belongs to another account is checked only at the
 * second step, after its code is verified: asking here would tell anyone signed in whether any
 * number is registered. A code still live from a request less than a minute ago is reused, so
 * asking again after one of the two sends failed does not stall on the other's cooldown.
 */
export async function requestPhoneChangeCodes(ctx: Ctx, input: { newPhone: string }, deps: AccountsDeps): Promise<{ newPhone: CodeRequested; currentPhone: CodeRequested }> {
  const { customer, phone: currentPhone } = await readOwnAccount(ctx, deps);
  const newPhone = normaliseMobile(input.newPhone);
  if (newPhone === currentPhone) throw new AppError('phone_unchanged', 'New phone equals the current one');
  const send = (phone: string) => sendOrReuse(ctx, phone, customer.id, deps);
  const toNew = await send(newPhone);
  const toCurrent = await send(currentPhone);
  return { newPhone: toNew, currentPhone: toCurrent };
}

async function sendOrReuse(ctx: Ctx, phone: string, customerId: string, deps: AccountsDeps): Promise<CodeRequested> {
  try {
    return await sendSmsCode(ctx, { phone, purpose: 'phone_change', subjectKey: customerId }, deps);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'sms_cooldown') throw error;
    const [live] = await deps.db
      .select({ secondsLeft: sql<number>`ceil(extract(epoch from (${smsChallenges.expiresAt} - now())))::int` })
      .from(smsChallenges)
      .where(
        and(
          eq(smsChallenges.phoneBidx, phoneKeyOf(deps.keyring, phone)),
          eq(smsChallenges.purpose, 'phone_change'),
          isNull(smsChallenges.consumedAt),
          gt(smsChallenges.expiresAt, sql`now()`),
        ),
      )
      .orderBy(desc(smsChallenges.createdAt))
      .limit(1);
    if (!live) throw error;
    const seconds = Number(error.params.seconds ?? signInLimits.resendCooldownSeconds);
    return { expiresInSeconds: live.secondsLeft, resendAfterSeconds: seconds };
  }
}
