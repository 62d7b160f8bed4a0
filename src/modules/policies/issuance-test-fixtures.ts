import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { PersonPi } from '../../../test/support/factories/person.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { beijingDate, schengenApplication as schengenInput } from '../../../test/support/purchase-api.ts';
import { startPaymentSandbox, type PaymentSandbox } from '../../../simulators/payment-sandbox/start-payment-sandbox.ts';
import { startReferenceInsurer, type ReferenceInsurer, type ReferenceInsurerOptions } from '../../../simulators/reference-insurer/start-reference-insurer.ts';
import type { Db } from '../../db/types.ts';
import { ensureDemoInsurerRecipients } from '../../integrations/ensure-demo-insurer-recipients.ts';
import { HttpInsurerAdapter } from '../../integrations/insurer/http-insurer-adapter.ts';
import type { InsurerApplication } from '../../integrations/insurer/insurer-application.ts';
import { TEST_INSURER_SECRET } from '../../integrations/insurer/insurer-test-fixtures.ts';
import { SandboxPaymentProvider } from '../../integrations/payment/sandbox-payment-provider.ts';
import type { PurchaseIntegrations } from '../../integrations/purchase-integrations.ts';
import type { FetchLike } from '../../integrations/sms/post-to-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { ephemeralKeyring, type Keyring } from '../../privacy/crypto/keyring.ts';
import type { ApplicationInput } from '../../shared/application.ts';
import { newId } from '../../shared/ids.ts';
import { ensureDemoCatalogue } from '../catalogue/demo/ensure-demo-catalogue.ts';
import { confirmSaleStep } from '../orders/confirm-sale-step.ts';
import type { ShowableStep } from '../orders/sale-content.ts';
import { showSaleStep } from '../orders/show-sale-step.ts';
import { startSale } from '../orders/start-sale.ts';
import { submitApplication } from '../orders/submit-application.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { confirmPaymentReturn } from '../payments/confirm-payment-return.ts';
import { createOrderPayment } from '../payments/create-order-payment.ts';

/** For tests only: the demo catalogue and its insurers' registry entries, the reference insurer and the payment sandbox, each on a free port. */
export interface IssuanceWorld {
  db: Db;
  keyring: Keyring;
  insurer: ReferenceInsurer;
  purchase: PurchaseIntegrations;
  /** Every application body as it went over the wire to the insurer, retries included. */
  sentApplications: InsurerApplication[];
  close(): Promise<void>;
}

const SANDBOX_SECRET = 'payment-sandbox-test-secret-0123456789';
// Nothing listens here: the sandbox's notifications fail at once and are not retried, so payments
// reach the orders through the payer's return (a query), as a test can wait for it.
const PUBLIC_URL = 'http://127.0.0.1:9';

export async function startIssuanceWorld(db: Db, keyring: Keyring, insurerOptions: Partial<ReferenceInsurerOptions> = {}, paymentOptions: { refundSettleMs?: number } = {}): Promise<IssuanceWorld> {
  await ensureDemoCatalogue(db);
  await ensureDemoInsurerRecipients(db);
  const insurer = await startReferenceInsurer({ port: 0, secret: TEST_INSURER_SECRET, ...insurerOptions });
  const sandbox: PaymentSandbox = await startPaymentSandbox({ port: 0, host: '127.0.0.1', merchantId: 'besttrav', secret: SANDBOX_SECRET, callbackRetryDelaysMs: [], ...paymentOptions });
  const sentApplications: InsurerApplication[] = [];
  const recordingFetch: FetchLike = (url, init) => {
    if (init.method === 'POST' && new URL(url).pathname === '/v1/policies' && typeof init.body === 'string') sentApplications.push(JSON.parse(init.body) as InsurerApplication);
    return fetch(url, init);
  };
  const adapters = new Map<string, HttpInsurerAdapter>();
  const purchase: PurchaseIntegrations = {
    payment: new SandboxPaymentProvider({ baseUrl: sandbox.url, merchantId: 'besttrav', secret: SANDBOX_SECRET, timeoutMs: 5_000 }),
    insurerFor(insurerCode) {
      const adapter = adapters.get(insurerCode) ?? new HttpInsurerAdapter({ baseUrl: insurer.url, insurerCode, secret: TEST_INSURER_SECRET, timeoutMs: 5_000, fetch: recordingFetch });
      adapters.set(insurerCode, adapter);
      return adapter;
    },
    publicUrl: PUBLIC_URL,
    async close() {
      await insurer.close();
      await sandbox.close();
    },
  };
  return { db, keyring, insurer, purchase, sentApplications, close: () => purchase.close() };
}

/** A database of its own, a keyring and an issuance world for one test file, made before its tests and closed after them. */
export function useIssuanceWorld(insurerOptions: Partial<ReferenceInsurerOptions> = {}, paymentOptions: { refundSettleMs?: number } = {}): { database: TestDatabase; keyring: Keyring; world: IssuanceWorld } {
  const made = {} as { database: TestDatabase; keyring: Keyring; world: IssuanceWorld };
  beforeAll(async () => {
    made.database = await createTestDatabase();
    made.keyring = ephemeralKeyring();
    made.world = await startIssuanceWorld(made.database.db, made.keyring, insurerOptions, paymentOptions);
  });
  afterAll(async () => {
    await made.world?.close();
    await made.database?.close();
  });
  return made;
}

export function guestCtx(guestId: string = newId('gst')): Ctx {
  return { actor: { type: 'guest', id: guestId }, purpose: 'purchase', requestId: `test_${randomUUID()}`, ip: null };
}

/**
 * A paid order the way a person makes one: the sale's readings shown and confirmed, the application
 * with its consents, the payment at the sandbox paid on its page, the return confirmed by a query.
 */
export async function paidOrder(world: IssuanceWorld, ctx: Ctx, application: ApplicationInput): Promise<string> {
  const { db, keyring } = world;
  const sale = await startSale(ctx, db, { productCode: application.product, language: 'zh-CN' });
  const insuresOthers = application.insured.some((insured) => insured.relationship !== 'self');
  const steps: ShowableStep[] = [...sale.steps, ...(insuresOthers ? (['authorisation'] as const) : []), 'confirmation'];
  for (const kind of steps) {
    const shown = await showSaleStep(ctx, db, { saleId: sale.saleId, kind, language: 'zh-CN' });
    await confirmSaleStep(ctx, db, { saleId: sale.saleId, kind, contentHash: shown.contentHash, language: 'zh-CN' });
  }
  const versionOf = (purpose: string) => ({ version: sale.consents.find((consent) => consent.purpose === purpose)?.version ?? 0 });
  const order = await submitApplication(ctx, { db, keyring }, { saleId: sale.saleId, idempotencyKey: randomUUID(), application, consents: { sensitivePi: versionOf('sensitive_pi'), shareWithInsurer: versionOf('share_with_insurer') }, language: 'zh-CN' });
  const { payUrl } = await createOrderPayment(ctx, { db, provider: world.purchase.payment, publicUrl: PUBLIC_URL }, { orderId: order.id });
  const paid = await fetch(`${payUrl}/pay`, { method: 'POST', redirect: 'manual' });
  if (paid.status !== 302 && paid.status !== 303) throw new Error(`sandbox pay page answered ${paid.status}`);
  await confirmPaymentReturn(ctx, { db, provider: world.purchase.payment, enqueue: null }, { orderId: order.id });
  const status = (await getOwnOrder(ctx, db, order.id)).status;
  if (status !== 'paid') throw new Error(`order ${order.id} is ${status} after paying`);
  return order.id;
}

/** The site tests' Schengen trip (the buyer by ID card and passport, a spouse by passport), with statutory beneficiaries. */
export function schengenApplication(holder: PersonPi, companion: PersonPi): ApplicationInput {
  const input = schengenInput(holder, companion);
  return { ...input, insured: input.insured.map((insured) => ({ ...insured, beneficiaries: { kind: 'statutory' } })) };
}

/** A domestic trip: the product asks names and ID numbers only, no birth date, e-mail or passport. */
export function domesticApplication(holder: PersonPi, companion: PersonPi): ApplicationInput {
  return {
    product: 'domestic-travel',
    plan: 'basic',
    destinations: ['CN'],
    startDate: beijingDate(3),
    endDate: beijingDate(5),
    policyholder: { kind: 'person', person: { name: holder.name, idDocument: { type: 'resident_id', number: holder.idNumber }, phone: holder.phone } },
    insured: [
      { relationship: 'self', person: {}, beneficiaries: { kind: 'statutory' } },
      { relationship: 'spouse', person: { name: companion.name, idDocument: { type: 'resident_id', number: companion.idNumber } }, beneficiaries: { kind: 'statutory' } },
    ],
  };
}
