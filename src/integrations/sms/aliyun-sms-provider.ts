import { randomUUID } from 'node:crypto';
import { aliyunCanonicalizedQuery, aliyunPercentEncode, signAliyunRpc } from './aliyun-rpc-signature.ts';
import { postToProvider, stringField, type FetchLike } from './post-to-provider.ts';
import { assertE164, redactProviderText, smsFailure } from './sms-failure.ts';
import type { SmsMessage, SmsProvider, SmsReceipt } from './sms-provider.ts';

export const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';
export const ALIYUN_SMS_API_VERSION = '2017-05-25';

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** Approved signature (签名), shown in 【】 before the text. */
  signName: string;
  /** Approved template with a ${code} variable. */
  templateCode: string;
  /** Approved marketing template with ${content} and ${link} (the unsubscribe link) variables. */
  marketingTemplateCode?: string;
  endpoint?: string;
  fetch?: FetchLike;
  now?: () => Date;
  nonce?: () => string;
}

/** Alibaba Cloud SMS (Dysmsapi) SendSms, signed with the RPC HMAC-SHA1 signature. */
export class AliyunSmsProvider implements SmsProvider {
  readonly name = 'aliyun';
  readonly recipientIntegration = 'sms.aliyun';
  readonly #options: AliyunSmsOptions;

  constructor(options: AliyunSmsOptions) {
    this.#options = options;
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    assertE164(this.name, message.to);
    const options = this.#options;
    const params: Record<string, string> = {
      AccessKeyId: options.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: aliyunPhoneNumber(message.to),
      RegionId: 'cn-hangzhou',
      SignName: options.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: (options.nonce ?? randomUUID)(),
      SignatureVersion: '1.0',
      ...aliyunTemplate(this.name, options, message),
      Timestamp: aliyunTimestamp((options.now ?? (() => new Date()))()),
      Version: ALIYUN_SMS_API_VERSION,
    };
    // POST with the parameters as a form body, as @alicloud/pop-core does with { method: 'POST' }:
    // the string to sign then starts with POST instead of the documented example's GET.
    const signature = signAliyunRpc('POST', params, options.accessKeySecret);
    const reply = await postToProvider(this.name, options.fetch ?? fetch, {
      url: options.endpoint ?? ALIYUN_SMS_ENDPOINT,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: `${aliyunCanonicalizedQuery(params)}&Signature=${aliyunPercentEncode(signature)}`,
    });

    const code = stringField(reply.body, 'Code');
    const bizId = stringField(reply.body, 'BizId');
    if (code === 'OK' && bizId) return { provider: this.name, providerMessageId: bizId };
    const providerMessage = stringField(reply.body, 'Message');
    throw smsFailure(`Alibaba Cloud SMS refused the message (HTTP ${reply.status})`, {
      provider: this.name,
      providerCode: code ?? `http_${reply.status}`,
      providerMessage: providerMessage === undefined ? undefined : redactProviderText(providerMessage, message),
    });
  }
}

function aliyunTemplate(provider: string, options: AliyunSmsOptions, message: SmsMessage): { TemplateCode: string; TemplateParam: string } {
  if (message.template === 'verification_code') return { TemplateCode: options.templateCode, TemplateParam: JSON.stringify({ code: message.params.code }) };
  if (!options.marketingTemplateCode) throw smsFailure('No marketing template configured (ALIYUN_SMS_MARKETING_TEMPLATE_CODE)', { provider, providerCode: 'no_marketing_template' });
  return { TemplateCode: options.marketingTemplateCode, TemplateParam: JSON.stringify({ content: message.params.text, link: message.params.unsubscribeUrl }) };
}

/** Mainland numbers go without +86 (13800138000); others as country code and number, without the +. */
export function aliyunPhoneNumber(e164: string): string {
  return e164.startsWith('+86') ? e164.slice(3) : e164.slice(1);
}

/** ISO 8601 in UTC without milliseconds (2017-07-12T02:42:19Z), the only form the API accepts. */
export function aliyunTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
