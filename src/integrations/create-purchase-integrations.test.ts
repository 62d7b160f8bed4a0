import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.ts';
import { createLogger } from '../logging/create-logger.ts';
import { createPurchaseIntegrations, type StartedPurchaseIntegrations } from './create-purchase-integrations.ts';

const lines: string[] = [];
const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
let started: StartedPurchaseIntegrations | null = null;

afterEach(async () => {
  await started?.close();
  started = null;
});

describe('purchase integrations from the configuration', () => {
  it('R-POL-8 R-POL-9 demo mode starts the payment sandbox and the reference insurer on loopback, and talks to both with their fresh secrets', async () => {
    started = await createPurchaseIntegrations(loadConfig({ REFERENCE_INSURER_LATENCY_MS: '0', PORT: '3999' }), logger);
    if (!started) throw new Error('expected integrations');
    expect(started.paymentSandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.referenceInsurerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.publicUrl).toBe('http://127.0.0.1:3999');

    // A signed create and query succeed: the client holds the secret the sandbox was started with.
    const created = await started.payment.createPayment({
      merchantOrderId: 'ord_test',
      amountFen: 12_300,
      description: '国内旅行意外保险',
      notifyUrl: `${started.publicUrl}/api/partner/payments/sandbox/notify`,
      returnUrl: `${started.publicUrl}/orders/ord_test/paid`,
      expiresAt: new Date(Date.now() + 60_000),
      idempotencyKey: 'pay_ord_test',
    });
    expect(created.payUrl.startsWith(`${started.paymentSandboxUrl}/pay/`)).toBe(true);
    expect(await started.payment.queryPayment(created.providerPaymentId)).toMatchObject({ status: 'pending', amountFen: 12_300 });

    // One adapter per insurer code, each named for its disclosure recipient, all answered by the reference insurer.
    const haiyan = started.insurerFor('haiyan');
    expect(haiyan.recipientIntegration).toBe('insurer.haiyan');
    expect(started.insurerFor('haiyan')).toBe(haiyan);
    expect(started.insurerFor('yunfan').recipientIntegration).toBe('insurer.yunfan');
    expect(await haiyan.getPolicy('RI20260000000001')).toBeNull();
    expect(() => started?.insurerFor('../admin')).toThrow();

    const sandboxUrl = started.paymentSandboxUrl as string;
    await started.close();
    started = null;
    await expect(fetch(`${sandboxUrl}/healthz`)).rejects.toThrow();
  });

  it('R-POL-8 PAYMENT_PROVIDER=none starts nothing: nothing can be bought', async () => {
    expect(await createPurchaseIntegrations(loadConfig({ PAYMENT_PROVIDER: 'none' }), logger)).toBeNull();
  });

  it('R-POL-9 insurers over HTTP point every code at the configured partner API, and no simulator starts', async () => {
    started = await createPurchaseIntegrations(loadConfig({ INSURER_PROVIDER: 'http', INSURER_BASE_URL: 'http://127.0.0.1:9', INSURER_SECRET: 's'.repeat(32), REFERENCE_INSURER_LATENCY_MS: '0' }), logger);
    expect(started?.referenceInsurerUrl).toBeNull();
    await expect(started?.insurerFor('chengchuan').getPolicy('RI20260000000001')).rejects.toMatchObject({ code: 'insurer_unavailable' });
  });
});
