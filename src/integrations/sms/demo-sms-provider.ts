import { newId } from '../../shared/ids.ts';
import type { SmsMessage, SmsProvider, SmsReceipt } from './sms-provider.ts';

/** Sends nothing: the code goes back in the receipt, for the page to show under its 演示模式 label. */
export class DemoSmsProvider implements SmsProvider {
  readonly name = 'demo';

  async send(message: SmsMessage): Promise<SmsReceipt> {
    if (message.template !== 'verification_code') return { provider: this.name, providerMessageId: newId('demo') };
    return { provider: this.name, providerMessageId: newId('demo'), demoCode: message.params.code };
  }
}
