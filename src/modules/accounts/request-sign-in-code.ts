import type { Ctx } from '../../privacy/access/context.ts';
import { normaliseMobile } from './phone.ts';
import { sendSmsCode, type AccountsDeps, type CodeRequested } from './sms-codes.ts';

export type { AccountsDeps, CodeRequested } from './sms-codes.ts';

/**
 * Sends a 6-digit sign-in code to a mainland mobile (R-ACC-1): refused while the number is locked,
 * within 60 s of the previous sign-in code, after 5 codes to the number or 20 from the IP in an hour
 * (see sendSmsCode for how the limits hold under concurrency and provider failures).
 */
export async function requestSignInCode(ctx: Ctx, input: { phone: string }, deps: AccountsDeps): Promise<CodeRequested> {
  return sendSmsCode(ctx, { phone: normaliseMobile(input.phone), purpose: 'sign_in' }, deps);
}
