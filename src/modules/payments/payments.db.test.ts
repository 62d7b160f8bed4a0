import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderAwaitingPayment } from '../../../test/support/factories/order.ts';
import type { TestClient } from '../../../test/support/http-client.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { OrderSummary } from '../orders/order-summary.ts';
import { orders } from '../orders/schema.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { eventually, guestBrowser, payAtSandbox, signedNotification, startPaymentHarness, type PaymentHarness } from './payment-test-harness.ts';
import { paymentNotifications, payments } from './schema.ts';

let harness: PaymentHarness;

beforeAll(async () => {
  harness = await startPaymentHarness();
});
afterAll(async () => {
  await harness?.close();
});

interface Buyer {
  client: TestClient;
  ctx: Ctx;
  order: OrderSummary;
}

async function buyer(): Promise<Buyer> {
  const { client, ctx } = await guestBrowser(harness.app);
  const { order } = await orderAwaitingPayment({ db: harness.database.db, keyring: harness.keyring }, { ctx });
  return { client, ctx, order };
}

async function payUrlOf(who: Buyer): Promise<string> {
  const response = await who.client.post(`/api/site/orders/${who.order.id}/payment`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { payUrl: string }).payUrl;
}

async function paymentRowOf(orderId: string) {
  const [payment] = await harness.database.db.select().from(payments).where(eq(payments.orderId, orderId));
  if (!payment) throw new Error('no payment recorded');
  return payment;
}

const orderOf = (who: Buyer) => getOwnOrder(who.ctx, harness.database.db, who.order.id);
const issuanceRequests = (orderId: string) => harness.queued.filter((job) => job.name === 'policies.issue-policy' && job.data.orderId === orderId);
const signalsOf = async (orderId: string) => {
  const [payment] = await harness.database.db.select().from(payments).where(eq(payments.orderId, orderId));
  return payment ? harness.database.db.select().from(paymentNotifications).where(eq(paymentNotifications.paymentId, payment.id)) : [];
};
const paidBody = (providerPaymentId: string, orderId: string, amountFen: number) => ({ id: providerPaymentId, merchantOrderId: orderId, amountFen, status: 'paid' as const, paidAt: new Date().toISOString() });
const notify = (body: { rawBody: string; headers: Record<string, string> }) =>
  harness.app.inject({ method: 'POST', url: '/api/partner/payments/sandbox/notify', headers: body.headers, payload: body.rawBody });

describe('paying for an order through the payment sandbox', () => {
  it('R-POL-8 the sandbox page pays, its signed notification marks the order paid and queues issuance once', async () => {
    const who = await buyer();
    const payUrl = await payUrlOf(who);
    expect(payUrl.startsWith(`${harness.sandbox.url}/pay/`)).toBe(true);
    // Asked again (a second tab): the same payment, at the provider as here.
    expect(await payUrlOf(who)).toBe(payUrl);
    expect(await harness.database.db.select().from(payments).where(eq(payments.orderId, who.order.id))).toHaveLength(1);
    const page = await fetch(payUrl);
    expect(await page.text()).toContain(who.order.product.nameZh);

    const paid = await payAtSandbox(payUrl);
    expect(paid).toEqual({ status: 303, location: `${harness.purchase.publicUrl}/orders/${who.order.id}/paid` });
    const order = await eventually(() => orderOf(who), (current) => current.status === 'paid');
    expect(order.paidAt).toBeInstanceOf(Date);
    expect(issuanceRequests(who.order.id)).toEqual([{ name: 'policies.issue-policy', data: { orderId: who.order.id }, options: { singletonKey: who.order.id } }]);

    // Back in the browser: the order as it stands, nothing queued again.
    const back = await who.client.post(`/api/site/orders/${who.order.id}/payment/return`);
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ id: who.order.id, status: 'paid' });
    expect(issuanceRequests(who.order.id)).toHaveLength(1);
    expect(await paymentRowOf(who.order.id)).toMatchObject({ status: 'paid', amountFen: who.order.premiumFen });
    // Paid orders are not paid twice.
    expect((await who.client.post(`/api/site/orders/${who.order.id}/payment`)).json()).toMatchObject({ code: 'order_not_payable', status: 409 });
  });

  it('R-POL-8 a notification delivered again is acknowledged and changes nothing', async () => {
    const who = await buyer();
    const payUrl = await payUrlOf(who);
    await payAtSandbox(payUrl);
    const paid = await eventually(() => orderOf(who), (current) => current.status === 'paid');
    const [signal] = await signalsOf(who.order.id);
    const payment = await paymentRowOf(who.order.id);
    if (!signal) throw new Error('no notification recorded');

    // A replay inside the signature window verifies: the recorded id is what stops it.
    const replay = signedNotification(harness.secret, paidBody(payment.providerPaymentId, who.order.id, who.order.premiumFen), { id: signal.providerNotificationId });
    for (let delivery = 0; delivery < 3; delivery += 1) {
      const answer = await notify(replay);
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json()).toEqual({ received: true });
    }
    expect(await signalsOf(who.order.id)).toHaveLength(1);
    expect(issuanceRequests(who.order.id)).toHaveLength(1);
    expect((await orderOf(who)).paidAt).toEqual(paid.paidAt);
  });

  it('R-POL-8 one notification delivered five times at once marks the order paid once', async () => {
    const who = await buyer();
    await payUrlOf(who);
    const payment = await paymentRowOf(who.order.id);
    const delivery = signedNotification(harness.secret, paidBody(payment.providerPaymentId, who.order.id, who.order.premiumFen));
    const answers = await Promise.all(Array.from({ length: 5 }, () => notify(delivery)));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(await signalsOf(who.order.id)).toHaveLength(1);
    expect((await orderOf(who)).status).toBe('paid');
    expect(issuanceRequests(who.order.id)).toHaveLength(1);
  });

  it('R-POL-8 a tampered, forged or stale notification is refused with 401 and changes nothing', async () => {
    const who = await buyer();
    await payUrlOf(who);
    const payment = await paymentRowOf(who.order.id);
    const body = paidBody(payment.providerPaymentId, who.order.id, who.order.premiumFen);

    const genuine = signedNotification(harness.secret, body);
    const tampered = { ...genuine, rawBody: genuine.rawBody.replace(`"amountFen":${who.order.premiumFen}`, `"amountFen":${who.order.premiumFen - 1}`) };
    const forged = signedNotification('not-the-shared-secret-at-all', body);
    const otherMerchant = signedNotification(harness.secret, body, { merchantId: 'someone-else' });
    const stale = { ...genuine, headers: { ...genuine.headers, 'x-sandbox-timestamp': String(Math.floor(Date.now() / 1000) - 600) } };
    const unsigned = { rawBody: genuine.rawBody, headers: { 'content-type': 'application/json' } };
    for (const attempt of [tampered, forged, otherMerchant, stale, unsigned]) {
      const answer = await notify(attempt);
      expect(answer.statusCode, answer.body).toBe(401);
      expect(answer.json()).toMatchObject({ code: 'payment_notification_invalid' });
    }
    expect((await orderOf(who)).status).toBe('awaiting_payment');
    expect(await signalsOf(who.order.id)).toHaveLength(0);
    expect(issuanceRequests(who.order.id)).toHaveLength(0);
  });

  it('R-POL-8 a signed notification whose amount differs from the payment is refused and changes nothing', async () => {
    const who = await buyer();
    await payUrlOf(who);
    const payment = await paymentRowOf(who.order.id);
    const short = signedNotification(harness.secret, paidBody(payment.providerPaymentId, who.order.id, who.order.premiumFen - 1));
    const answer = await notify(short);
    expect(answer.statusCode).toBe(409);
    const elsewhere = signedNotification(harness.secret, paidBody('sbxpay_unknown', who.order.id, who.order.premiumFen));
    expect((await notify(elsewhere)).statusCode).toBe(404);
    expect((await orderOf(who)).status).toBe('awaiting_payment');
    expect(await signalsOf(who.order.id)).toHaveLength(0);
  });

  it('R-POL-8 the return asks the provider: paid there, the order is paid even before the notification arrives', async () => {
    const who = await buyer();
    // Notifications of this payment go nowhere (a closed port), as when they are delayed.
    const publicUrl = harness.purchase.publicUrl;
    harness.purchase.publicUrl = 'http://127.0.0.1:9';
    const payUrl = await payUrlOf(who).finally(() => {
      harness.purchase.publicUrl = publicUrl;
    });
    const returned = await who.client.post(`/api/site/orders/${who.order.id}/payment/return`);
    expect(returned.json()).toMatchObject({ status: 'awaiting_payment' });
    expect((await payAtSandbox(payUrl)).status).toBe(303);
    expect((await orderOf(who)).status).toBe('awaiting_payment');

    const back = await who.client.post(`/api/site/orders/${who.order.id}/payment/return`);
    expect(back.json()).toMatchObject({ status: 'paid' });
    expect((await who.client.post(`/api/site/orders/${who.order.id}/payment/return`)).json()).toMatchObject({ status: 'paid' });
    expect(issuanceRequests(who.order.id)).toHaveLength(1);
    expect((await signalsOf(who.order.id)).map((signal) => signal.source)).toEqual(['query']);
  });

  it('R-POL-8 only the owner can pay or check an order, and an order past its time cannot be paid', async () => {
    const who = await buyer();
    const stranger = await guestBrowser(harness.app);
    expect((await stranger.client.post(`/api/site/orders/${who.order.id}/payment`)).statusCode).toBe(404);
    expect((await stranger.client.post(`/api/site/orders/${who.order.id}/payment/return`)).statusCode).toBe(404);
    await harness.database.db.update(orders).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(orders.id, who.order.id));
    const late = await who.client.post(`/api/site/orders/${who.order.id}/payment`);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'order_not_payable' });
    expect(await harness.database.db.select().from(payments).where(eq(payments.orderId, who.order.id))).toHaveLength(0);
  });
});
