import { randomBytes } from 'node:crypto';
import { declineOnHealthAnswers } from '../../simulators/reference-insurer/issue-policy.ts';
import { startReferenceInsurer } from '../../simulators/reference-insurer/start-reference-insurer.ts';
import { startPaymentSandbox } from '../../simulators/payment-sandbox/start-payment-sandbox.ts';
import type { Config } from '../config/load-config.ts';
import { AppError } from '../errors/app-error.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { InsurerAdapter } from './insurer/insurer-adapter.ts';
import { HttpInsurerAdapter } from './insurer/http-insurer-adapter.ts';
import { SandboxPaymentProvider } from './payment/sandbox-payment-provider.ts';
import type { PurchaseIntegrations } from './purchase-integrations.ts';

/** The purchase partners of a running server, and the simulators started for them (to show in the start banner). */
export interface StartedPurchaseIntegrations extends PurchaseIntegrations {
  /** The payment sandbox's address when it runs inside this process. */
  paymentSandboxUrl: string | null;
  /** The reference insurer's address when it runs inside this process. */
  referenceInsurerUrl: string | null;
}

const MERCHANT_ID = 'besttrav';
const SIMULATOR_HOST = '127.0.0.1';
const INSURER_CODE = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * The payment provider and the insurers (R-POL-8, R-POL-9) as configured. In demo mode the payment
 * sandbox and the reference insurer start here, on loopback ports, each with a secret made for this
 * run that nobody else knows; every catalogue insurer is then served by the reference insurer. Null
 * with PAYMENT_PROVIDER=none: nothing can be bought. Anything started is stopped if a later step fails.
 */
export async function createPurchaseIntegrations(config: Config, logger: Logger): Promise<StartedPurchaseIntegrations | null> {
  if (config.payment.provider === 'none') return null;
  const stops: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => logger.warn({ err: error }, 'a purchase simulator did not stop cleanly'));
  };
  try {
    const payment = await paymentSide(config, logger, stops);
    const insurers = await insurerSide(config, stops);
    const adapters = new Map<string, InsurerAdapter>();
    return {
      payment: payment.provider,
      publicUrl: config.server.publicUrl,
      paymentSandboxUrl: payment.sandboxUrl,
      referenceInsurerUrl: insurers.referenceUrl,
      insurerFor(insurerCode: string): InsurerAdapter {
        if (!INSURER_CODE.test(insurerCode)) throw new AppError('not_found', 'No insurer adapter for this code', { details: { insurerCode } });
        const known = adapters.get(insurerCode);
        if (known) return known;
        const adapter = new HttpInsurerAdapter({ baseUrl: insurers.baseUrl, insurerCode, secret: insurers.secret, timeoutMs: config.insurer.timeoutMs });
        adapters.set(insurerCode, adapter);
        return adapter;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function paymentSide(config: Config, logger: Logger, stops: Array<() => Promise<void>>): Promise<{ provider: SandboxPaymentProvider; sandboxUrl: string | null }> {
  const { sandbox, timeoutMs } = config.payment;
  if (sandbox.url && sandbox.secret) {
    return { provider: new SandboxPaymentProvider({ baseUrl: sandbox.url, merchantId: MERCHANT_ID, secret: sandbox.secret, timeoutMs }), sandboxUrl: null };
  }
  const secret = randomBytes(32).toString('base64url');
  const started = await startPaymentSandbox({
    port: sandbox.port,
    host: SIMULATOR_HOST,
    merchantId: MERCHANT_ID,
    secret,
    latencyMs: sandbox.latencyMs,
    refundSettleMs: sandbox.refundSettleMs,
    failureRate: sandbox.failureRate,
    callbackRetryDelaysMs: sandbox.callbackRetryDelaysMs,
    ...(sandbox.publicUrl ? { publicUrl: sandbox.publicUrl } : {}),
    log: (line) => logger.info({ simulator: 'payment-sandbox' }, line),
  });
  stops.push(() => started.close());
  return { provider: new SandboxPaymentProvider({ baseUrl: started.url, merchantId: MERCHANT_ID, secret, timeoutMs }), sandboxUrl: started.url };
}

async function insurerSide(config: Config, stops: Array<() => Promise<void>>): Promise<{ baseUrl: string; secret: string; referenceUrl: string | null }> {
  const insurer = config.insurer;
  if (insurer.provider === 'http' && insurer.baseUrl && insurer.secret) return { baseUrl: insurer.baseUrl, secret: insurer.secret, referenceUrl: null };
  const secret = randomBytes(32).toString('base64url');
  const started = await startReferenceInsurer({
    port: 0,
    host: SIMULATOR_HOST,
    secret,
    latencyMs: insurer.reference.latencyMs,
    failureRate: insurer.reference.failureRate,
    declineRule: declineOnHealthAnswers,
  });
  stops.push(() => started.close());
  return { baseUrl: started.url, secret, referenceUrl: started.url };
}
