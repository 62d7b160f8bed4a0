import { AppError } from '../../src/errors/app-error.ts';
import type { SmsMessage, SmsProvider, SmsReceipt } from '../../src/integrations/sms/sms-provider.ts';

/** An SMS provider for tests: keeps what it was asked to send; can be told to fail. */
export class CapturingSms implements SmsProvider {
  readonly name = 'capturing';
  readonly sent: SmsMessage[] = [];
  isFailing = false;

  /** Give it a recipient integration to behave like an outside provider (a disclosure per message). */
  constructor(readonly recipientIntegration?: string) {}

  async send(message: SmsMessage): Promise<SmsReceipt> {
    if (this.isFailing) throw new AppError('sms_failed', 'Test provider told to fail', { details: { provider: this.name } });
    this.sent.push(message);
    return { provider: this.name, providerMessageId: `test_${this.sent.length}` };
  }

  latestCode(e164: string): string {
    const message = [...this.sent].reverse().find((m) => m.to === e164 && m.template === 'verification_code');
    if (message?.template !== 'verification_code') throw new Error('no code was sent to that number');
    return message.params.code;
  }

  /** Marketing messages sent to a number, oldest first. */
  marketingTo(e164: string): Array<{ text: string; unsubscribeUrl: string }> {
    return this.sent.flatMap((m) => (m.to === e164 && m.template === 'marketing' ? [m.params] : []));
  }
}
