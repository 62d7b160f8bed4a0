import { AliyunSmsProvider } from './aliyun-sms-provider.ts';
import { DemoSmsProvider } from './demo-sms-provider.ts';
import { OutboxSmsProvider } from './outbox-sms-provider.ts';
import type { SmsConfig, SmsProvider } from './sms-provider.ts';
import { TencentSmsProvider } from './tencent-sms-provider.ts';

/** The provider the configuration names; the rest of the platform only sees SmsProvider. */
export function createSmsProvider(config: SmsConfig): SmsProvider {
  switch (config.provider) {
    case 'demo':
      return new DemoSmsProvider();
    case 'outbox':
      return new OutboxSmsProvider(config.outboxFile);
    case 'aliyun':
      return new AliyunSmsProvider({
        accessKeyId: config.accessKeyId,
        accessKeySecret: config.accessKeySecret,
        signName: config.signName,
        templateCode: config.templateCode,
        marketingTemplateCode: config.marketingTemplateCode,
      });
    case 'tencent':
      return new TencentSmsProvider({
        secretId: config.secretId,
        secretKey: config.secretKey,
        sdkAppId: config.sdkAppId,
        signName: config.signName,
        templateId: config.templateId,
        marketingTemplateId: config.marketingTemplateId,
        region: config.region,
      });
    default:
      return unknownProvider(config);
  }
}

function unknownProvider(config: never): never {
  throw new Error(`Unknown SMS provider ${String((config as { provider?: unknown }).provider)}`);
}
