import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPaymentSandbox, type PaymentSandbox } from '../../../simulators/payment-sandbox/start-payment-sandbox.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { guestCtx } from '../../../test/support/factories/order.ts';
import type { PurchaseIntegrations } from '../../integrations/purchase-integrations.ts';
import type { PaidNotificationBody } from '../../integrations/payment/sandbox-api.ts';
import { SandboxPaymentProvider } from '../../integrations/payment/sandbox-payment-provider.ts';
import { notificationStringToSign, sandboxHeaders, signSandbox, unixSeconds } from '../../integrations/payment/sandbox-signature.ts';
import type { Jobs } from '../../jobs/start-jobs.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { ephemeralKeyring, type Keyring } from '../../privacy/crypto/keyring.ts';
import { newId } from '../../shared/ids.ts';

/** Test-only: the app on a fresh database, listening, with the payment sandbox as its provider and a job system that records what is queued. */
export interface PaymentHarness {
  app: FastifyInstance;
  database: TestDatabase;
  keyring: Keyring;
  sandbox: PaymentSandbox;
  provider: SandboxPaymentProvider;
  purchase: PurchaseIntegrations;
  /** Every job queued, in order. */
  queued: Array<{ name: string; data: Record<string, unknown>; options: Record<string, unknown> }>;
  secret: string;
  close(): Promise<void>;
}

export const HARNESS_MERCHANT = 'besttrav';

export async function startPaymentHarness(): Promise<PaymentHarness> {
  const secret = `sandbox-secret-${newId('tst')}`;
  // The first delivery is at once; retries come late enough not to blur what a test watches.
  const sandbox = await startPaymentSandbox({ port: 0, host: '127.0.0.1', merchantId: HARNESS_MERCHANT, secret, callbackRetryDelaysMs: [60_000] });
  const provider = new SandboxPaymentProvider({ baseUrl: sandbox.url, merchantId: HARNESS_MERCHANT, secret, timeoutMs: 5_000, retryDelaysMs: [20, 50] });
  const purchase: PurchaseIntegrations = {
    payment: provider,
    insurerFor: () => {
      throw new Error('no insurer in payment tests');
    },
    publicUrl: '',
    close: () => sandbox.close(),
  };
  const queued: PaymentHarness['queued'] = [];
  const jobs = {
    send: async (name: string, data: Record<string, unknown> = {}, options: Record<string, unknown> = {}) => {
      queued.push({ name, data, options });
      return newId('job');
    },
    isRunning: () => true,
    stop: async () => undefined,
  } as unknown as Jobs;
  const database = await createTestDatabase();
  const keyring = ephemeralKeyring();
  const { app } = await buildTestApp({ database, keyring, jobs, purchase });
  await app.listen({ port: 0, host: '127.0.0.1' });
  purchase.publicUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    database,
    keyring,
    sandbox,
    provider,
    purchase,
    queued,
    secret,
    async close() {
      await app.close();
      await sandbox.close();
      await database.close();
    },
  };
}

let nextIp = 0;

/** A browser with a guest session, and the access context its orders are made with. */
export async function guestBrowser(app: FastifyInstance): Promise<{ client: TestClient; ctx: Ctx }> {
  nextIp = (nextIp % 250) + 1;
  const client = await new TestClient(app, `198.51.100.${nextIp}`).start();
  const { guestId } = (await client.post('/api/site/auth/guest')).json() as { guestId: string };
  return { client, ctx: { ...guestCtx(), actor: { type: 'guest', id: guestId } } };
}

/** The pay button of the sandbox's page, as a browser submits it: 303 back to the return address, or 409. */
export async function payAtSandbox(payUrl: string): Promise<{ status: number; location: string | null }> {
  const response = await fetch(`${payUrl}/pay`, { method: 'POST', redirect: 'manual' });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') };
}

/** A notification as the sandbox signs it, for the replays and forgeries a test sends itself. */
export function signedNotification(secret: string, payment: PaidNotificationBody['payment'], options: { id?: string; merchantId?: string } = {}): { rawBody: string; headers: Record<string, string> } {
  const id = options.id ?? newId('sbxntf');
  const rawBody = JSON.stringify({ id, type: 'payment.paid', createdAt: new Date().toISOString(), payment });
  const timestamp = unixSeconds(new Date());
  const signature = signSandbox(secret, notificationStringToSign({ merchantId: options.merchantId ?? HARNESS_MERCHANT, notificationId: id, timestamp, body: rawBody }));
  return {
    rawBody,
    headers: { 'content-type': 'application/json', [sandboxHeaders.timestamp]: String(timestamp), [sandboxHeaders.notificationId]: id, [sandboxHeaders.signature]: signature },
  };
}

/** Polls until `check` holds (a notification travels over the network), failing after a few seconds. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}
