import { describe, expect, it } from 'vitest';
import { AliyunSmsProvider } from './aliyun-sms-provider.ts';
import { createSmsProvider } from './create-sms-provider.ts';
import { DemoSmsProvider } from './demo-sms-provider.ts';
import { OutboxSmsProvider } from './outbox-sms-provider.ts';
import { TencentSmsProvider } from './tencent-sms-provider.ts';

describe('createSmsProvider', () => {
  it('builds the provider the configuration names', () => {
    const demo = createSmsProvider({ provider: 'demo' });
    expect(demo).toBeInstanceOf(DemoSmsProvider);
    expect(demo.name).toBe('demo');

    const outbox = createSmsProvider({ provider: 'outbox', outboxFile: '/tmp/besttrav-outbox.jsonl' });
    expect(outbox).toBeInstanceOf(OutboxSmsProvider);
    expect((outbox as OutboxSmsProvider).file).toBe('/tmp/besttrav-outbox.jsonl');

    const aliyun = createSmsProvider({ provider: 'aliyun', accessKeyId: 'id', accessKeySecret: 'secret', signName: '签名', templateCode: 'SMS_1' });
    expect(aliyun).toBeInstanceOf(AliyunSmsProvider);
    expect(aliyun.name).toBe('aliyun');

    const tencent = createSmsProvider({ provider: 'tencent', secretId: 'id', secretKey: 'key', sdkAppId: '1400000000', signName: '签名', templateId: '1' });
    expect(tencent).toBeInstanceOf(TencentSmsProvider);
    expect(tencent.name).toBe('tencent');
  });
});
