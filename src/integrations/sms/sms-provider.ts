/** What a provider is asked to send. `to` is E.164 (+8613800138000). Only templated messages exist: providers in China only deliver pre-approved templates. */
export type SmsMessage = VerificationCodeSms | MarketingSms;

export interface VerificationCodeSms {
  to: string;
  template: 'verification_code';
  params: { code: string; minutes: number };
}

/** A marketing message, sent only with the person's consent, always with its one-click unsubscribe link (R-USE-2). */
export interface MarketingSms {
  to: string;
  template: 'marketing';
  params: { text: string; unsubscribeUrl: string };
}

export interface SmsReceipt {
  provider: string;
  providerMessageId: string;
  /** Only the demo provider sets this: the code, to be shown on the page labelled 演示模式. */
  demoCode?: string;
}

export interface SmsProvider {
  readonly name: string;
  /**
   * For providers outside the platform: the integration name under which the disclosure registry
   * holds the recipient (and its agreement). Demo and outbox send nothing anywhere and have none.
   */
  readonly recipientIntegration?: string;
  send(message: SmsMessage): Promise<SmsReceipt>;
}

export type SmsConfig =
  | { provider: 'demo' }
  | { provider: 'outbox'; outboxFile: string }
  | { provider: 'aliyun'; accessKeyId: string; accessKeySecret: string; signName: string; templateCode: string; marketingTemplateCode?: string }
  | { provider: 'tencent'; secretId: string; secretKey: string; sdkAppId: string; signName: string; templateId: string; marketingTemplateId?: string; region?: string };
