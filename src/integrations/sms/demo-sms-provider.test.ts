import { describe, expect, it } from 'vitest';
import { hasPrefix } from '../../shared/ids.ts';
import { DemoSmsProvider } from './demo-sms-provider.ts';

describe('demo SMS provider', () => {
  it('sends nothing and hands the code back for the 演示模式 page', async () => {
    const receipt = await new DemoSmsProvider().send({ to: '+8613800138000', template: 'verification_code', params: { code: '493817', minutes: 5 } });
    expect(receipt.provider).toBe('demo');
    expect(receipt.demoCode).toBe('493817');
    expect(hasPrefix(receipt.providerMessageId, 'demo')).toBe(true);
  });
});
