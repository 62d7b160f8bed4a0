import { AppError } from '../../errors/app-error.ts';
import { REDACTED, scrubText } from '../../privacy/redaction/scrub.ts';
import type { SmsMessage } from './sms-provider.ts';

export interface SmsFailureFacts {
  provider: string;
  /** The provider's own error code (`isv.BUSINESS_LIMIT_CONTROL`), or ours for failures before a reply (`timeout`). */
  providerCode: string;
  /** The provider's explanation, already passed through redactProviderText. */
  providerMessage?: string;
  cause?: unknown;
}

/**
 * The one error every provider throws. `logMessage` is fixed English written by us: the phone number
 * and the code never reach it, because error messages end up in logs and in a test that searches them.
 */
export function smsFailure(logMessage: string, facts: SmsFailureFacts): AppError {
  const details: Record<string, unknown> = { provider: facts.provider, providerCode: facts.providerCode };
  if (facts.providerMessage) details.providerMessage = facts.providerMessage;
  return new AppError('sms_failed', logMessage, { details, cause: facts.cause });
}

const MAX_PROVIDER_TEXT = 200;

/**
 * A provider's own error text is useful to operators ("签名不合法") but is not ours: it may echo the
 * number or the code we sent. Those, and anything else PI-shaped, are removed before it is kept.
 */
export function redactProviderText(text: string, message: SmsMessage): string {
  const national = message.to.replace(/^\+86/, '');
  let redacted = text;
  const code = message.template === 'verification_code' ? [message.params.code] : [];
  for (const secret of [message.to, message.to.slice(1), national, ...code]) {
    if (secret.length > 0) redacted = redacted.split(secret).join(REDACTED);
  }
  return scrubText(redacted).slice(0, MAX_PROVIDER_TEXT);
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** Refuses a recipient that is not E.164 before anything is signed or sent (the value is never echoed). */
export function assertE164(provider: string, to: string): void {
  if (E164.test(to)) return;
  throw smsFailure('Recipient is not an E.164 phone number', { provider, providerCode: 'invalid_recipient' });
}
