import { objectField, postToProvider, stringField, type FetchLike } from './post-to-provider.ts';
import { assertE164, redactProviderText, smsFailure } from './sms-failure.ts';
import type { SmsMessage, SmsProvider, SmsReceipt } from './sms-provider.ts';
import { signTc3 } from './tencent-tc3-signature.ts';

export const TENCENT_SMS_HOST = 'sms.tencentcloudapi.com';
export const TENCENT_SMS_API_VERSION = '2021-01-11';
const CONTENT_TYPE = 'application/json; charset=utf-8';

export interface TencentSmsOptions {
  secretId: string;
  secretKey: string;
  /** SmsSdkAppId of the SMS application (1400…). */
  sdkAppId: string;
  /** Approved signature (签名) content. */
  signName: string;
  /** Approved template with two variables: {1} the code, {2} the minutes it is valid. */
  templateId: string;
  /** Approved marketing template, parameters {1} the text and {2} the unsubscribe link. */
  marketingTemplateId?: string;
  region?: string;
  fetch?: FetchLike;
  now?: () => Date;
}

/** Tencent Cloud SMS SendSms (API 2021-01-11), signed with TC3-HMAC-SHA256. */
export class TencentSmsProvider implements SmsProvider {
  readonly name = 'tencent';
  readonly recipientIntegration = 'sms.tencent';
  readonly #options: TencentSmsOptions;

  constructor(options: TencentSmsOptions) {
    this.#options = options;
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    assertE164(this.name, message.to);
    const options = this.#options;
    const payload = JSON.stringify({
      PhoneNumberSet: [message.to],
      SmsSdkAppId: options.sdkAppId,
      SignName: options.signName,
      ...tencentTemplate(this.name, options, message),
    });
    const timestamp = Math.floor((options.now ?? (() => new Date()))().getTime() / 1000);
    // The action is signed too, as in the current documentation: a captured request cannot be replayed as another action.
    const { authorization } = signTc3({
      secretId: options.secretId,
      secretKey: options.secretKey,
      service: 'sms',
      timestamp,
      payload,
      signedHeaders: { 'content-type': CONTENT_TYPE, host: TENCENT_SMS_HOST, 'x-tc-action': 'SendSms' },
    });
    // No Host header: fetch derives it from the URL, which is the host that was signed.
    const reply = await postToProvider(this.name, options.fetch ?? fetch, {
      url: `https://${TENCENT_SMS_HOST}/`,
      headers: {
        Authorization: authorization,
        'Content-Type': CONTENT_TYPE,
        'X-TC-Action': 'SendSms',
        'X-TC-Timestamp': String(timestamp),
        'X-TC-Version': TENCENT_SMS_API_VERSION,
        'X-TC-Region': options.region ?? 'ap-guangzhou',
      },
      body: payload,
    });
    return receiptOf(this.name, reply.status, reply.body, message);
  }
}

/** The template and its parameters for the kind of message: the verification code or a marketing text. */
function tencentTemplate(provider: string, options: TencentSmsOptions, message: SmsMessage): { TemplateId: string; TemplateParamSet: string[] } {
  if (message.template === 'verification_code') return { TemplateId: options.templateId, TemplateParamSet: [message.params.code, String(message.params.minutes)] };
  if (!options.marketingTemplateId) throw smsFailure('No marketing template configured (TENCENT_SMS_MARKETING_TEMPLATE_ID)', { provider, providerCode: 'no_marketing_template' });
  return { TemplateId: options.marketingTemplateId, TemplateParamSet: [message.params.text, message.params.unsubscribeUrl] };
}

/** `Response.Error` is a refused request (signature, parameters); a SendStatusSet code other than Ok a refused message. */
function receiptOf(provider: string, status: number, body: unknown, message: SmsMessage): SmsReceipt {
  const response = objectField(body, 'Response');
  const error = objectField(response, 'Error');
  if (error) {
    throw smsFailure(`Tencent Cloud SMS refused the request (HTTP ${status})`, {
      provider,
      providerCode: stringField(error, 'Code') ?? `http_${status}`,
      providerMessage: redacted(stringField(error, 'Message'), message),
    });
  }
  const statuses = objectField(response, 'SendStatusSet');
  const first: unknown = Array.isArray(statuses) ? statuses[0] : undefined;
  const code = stringField(first, 'Code');
  const serialNo = stringField(first, 'SerialNo');
  if (code === 'Ok' && serialNo) return { provider, providerMessageId: serialNo };
  throw smsFailure(`Tencent Cloud SMS refused the message (HTTP ${status})`, {
    provider,
    providerCode: code ?? 'malformed_response',
    providerMessage: redacted(stringField(first, 'Message'), message),
  });
}

function redacted(text: string | undefined, message: SmsMessage): string | undefined {
  return text === undefined ? undefined : redactProviderText(text, message);
}
