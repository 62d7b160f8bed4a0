import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPaymentSandbox, type PaymentSandbox, type PaymentSandboxOptions } from '../../../simulators/payment-sandbox/start-payment-sandbox.ts';
import type { CreatePaymentInput, PaymentNotification } from './payment-provider.ts';
import { SandboxPaymentProvider } from './sandbox-payment-provider.ts';
import { requestStringToSign, sandboxHeaders, signSandbox, unixSeconds } from './sandbox-signature.ts';

const merchantId = 'besttrav-test';
const secret = 'test-secret-0123456789';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  verified?: PaymentNotification;
}

/** The platform's side: a notify endpoint that verifies with the provider and answers what the test says. */
async function startReceiver(provider: SandboxPaymentProvider, answers: number[] = []): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = { body: Buffer.concat(chunks).toString('utf8'), headers: request.headers };
      received.push(entry);
      try {
        entry.verified = provider.verifyNotification(entry.body, request.headers);
      } catch {
        response.writeHead(401).end();
        return;
      }
      response.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`, received };
}

async function sandboxWith(options: Partial<PaymentSandboxOptions> = {}): Promise<{ sandbox: PaymentSandbox; provider: SandboxPaymentProvider }> {
  const sandbox = await startPaymentSandbox({ port: 0, host: '127.0.0.1', merchantId, secret, callbackRetryDelaysMs: [50, 50, 50], ...options });
  cleanups.push(() => sandbox.close());
  const provider = new SandboxPaymentProvider({ baseUrl: sandbox.url, merchantId, secret, timeoutMs: 5_000, retryDelaysMs: [10, 10] });
  return { sandbox, provider };
}

let orderNumber = 0;
function paymentInput(notifyUrl: string, overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput {
  orderNumber += 1;
  const merchantOrderId = `ord_test${orderNumber}`;
  return {
    merchantOrderId,
    amountFen: 12345,
    description: '全球旅行险 <尊享> 计划',
    notifyUrl,
    returnUrl: `http://127.0.0.1:9/orders/${merchantOrderId}`,
    expiresAt: new Date(Date.now() + 30 * 60_000),
    idempotencyKey: `create-${merchantOrderId}`,
    ...overrides,
  };
}

/** What the browser does on the pay page: a form POST, redirect not followed. */
async function pressOnPage(sandbox: PaymentSandbox, paymentId: string, button: 'pay' | 'cancel'): Promise<Response> {
  return fetch(`${sandbox.url}/pay/${paymentId}/${button}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
}

/** A request signed like the provider signs it, for checking what the sandbox answers to raw calls. */
function signedFetch(sandbox: PaymentSandbox, path: string, init: { method: string; body?: string; idempotencyKey?: string; secret?: string }): Promise<Response> {
  const timestamp = unixSeconds(new Date());
  const body = init.body ?? '';
  const signature = signSandbox(init.secret ?? secret, requestStringToSign({ method: init.method, path, merchantId, timestamp, idempotencyKey: init.idempotencyKey, body }));
  const headers: Record<string, string> = { [sandboxHeaders.merchant]: merchantId, [sandboxHeaders.timestamp]: String(timestamp), [sandboxHeaders.signature]: signature };
  if (init.idempotencyKey) headers[sandboxHeaders.idempotencyKey] = init.idempotencyKey;
  return fetch(`${sandbox.url}${path}`, { method: init.method, headers, body: init.method === 'GET' ? undefined : body });
}

describe('payment sandbox with the sandbox provider (R-POL-8)', () => {
  it('R-POL-8 creates idempotently: the same key and input give the same payment, another input with that key is refused', async () => {
    const { provider } = await sandboxWith();
    const input = paymentInput('http://127.0.0.1:9/notify');
    const first = await provider.createPayment(input);
    const again = await provider.createPayment(input);
    expect(first.status).toBe('pending');
    expect(first.providerPaymentId).toMatch(/^sbxpay_/);
    expect(again).toEqual(first);

    await expect(provider.createPayment({ ...input, amountFen: 1 })).rejects.toMatchObject({ code: 'payment_request_conflict' });
    const other = await provider.createPayment({ ...input, idempotencyKey: `${input.idempotencyKey}-2` });
    expect(other.providerPaymentId).not.toBe(first.providerPaymentId);

    expect(await provider.queryPayment(first.providerPaymentId)).toEqual({ status: 'pending', amountFen: 12345, refundedFen: 0 });
  });

  it('R-POL-8 shows a bilingual pay page with the amount in yuan; paying notifies the platform, signed, and returns the payer', async () => {
    const { sandbox, provider } = await sandboxWith();
    const receiver = await startReceiver(provider);
    const input = paymentInput(receiver.url);
    const { providerPaymentId, payUrl } = await provider.createPayment(input);

    expect(payUrl).toBe(`${sandbox.url}/pay/${providerPaymentId}`);
    const page = await fetch(payUrl);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self' http://127.0.0.1:9");
    expect(html).toContain('Besttrav 支付沙箱 / Payment sandbox');
    expect(html).toContain(merchantId);
    expect(html).toContain('¥123.45');
    expect(html).toContain('全球旅行险 &lt;尊享&gt; 计划');
    expect(html).not.toContain('<尊享>');
    expect(html).toContain('data-testid="sandbox-pay"');
    expect(html).toContain('data-testid="sandbox-cancel"');

    const paid = await pressOnPage(sandbox, providerPaymentId, 'pay');
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(input.returnUrl);

    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5_000 });
    const notification = receiver.received[0]?.verified;
    expect(notification).toMatchObject({ type: 'payment.paid', providerPaymentId, merchantOrderId: input.merchantOrderId, amountFen: 12345 });
    expect(notification?.notificationId).toMatch(/^sbxntf_/);
    const state = await provider.queryPayment(providerPaymentId);
    expect(state).toMatchObject({ status: 'paid', amountFen: 12345, refundedFen: 0 });
    expect(state.paidAt).toEqual(notification?.paidAt);

    // Paying again changes nothing and sends nothing more; the page now says it is paid.
    expect((await pressOnPage(sandbox, providerPaymentId, 'pay')).status).toBe(303);
    const after = await (await fetch(payUrl)).text();
    expect(after).toContain('data-testid="sandbox-status"');
    expect(after).not.toContain('data-testid="sandbox-pay"');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.received).toHaveLength(1);
  });

  it('R-POL-8 retries the notification after a 500 from the platform, same id and verified every time, until acknowledged', async () => {
    const { sandbox, provider } = await sandboxWith({ callbackRetryDelaysMs: [50, 50, 50] });
    const receiver = await startReceiver(provider, [500, 503]);
    const { providerPaymentId } = await provider.createPayment(paymentInput(receiver.url));
    await pressOnPage(sandbox, providerPaymentId, 'pay');

    await vi.waitFor(() => expect(receiver.received).toHaveLength(3), { timeout: 5_000 });
    const ids = receiver.received.map((entry) => entry.verified?.notificationId);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeDefined();
    // Acknowledged on the third attempt: nothing more arrives although one retry delay is left.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(3);
  });

  it('R-POL-8 stops retrying a notification after the last delay', async () => {
    const { sandbox, provider } = await sandboxWith({ callbackRetryDelaysMs: [20, 20] });
    const receiver = await startReceiver(provider, [500, 500, 500, 500, 500]);
    const { providerPaymentId } = await provider.createPayment(paymentInput(receiver.url));
    await pressOnPage(sandbox, providerPaymentId, 'pay');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(3), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(receiver.received).toHaveLength(3);
  });

  it('R-POL-8 refuses a tampered notification at the platform: the receiver verifies before believing it', async () => {
    const { sandbox, provider } = await sandboxWith();
    const receiver = await startReceiver(provider);
    const { providerPaymentId } = await provider.createPayment(paymentInput(receiver.url));
    await pressOnPage(sandbox, providerPaymentId, 'pay');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5_000 });
    const original = receiver.received[0];
    if (!original) throw new Error('no notification');

    const tampered = original.body.replace('"amountFen":12345', '"amountFen":1');
    expect(tampered).not.toBe(original.body);
    expect(() => provider.verifyNotification(tampered, original.headers)).toThrow(expect.objectContaining({ code: 'payment_notification_invalid' }));
    const otherSecret = new SandboxPaymentProvider({ baseUrl: sandbox.url, merchantId, secret: 'not-the-shared-secret', timeoutMs: 1_000 });
    expect(() => otherSecret.verifyNotification(original.body, original.headers)).toThrow(/bad_signature/);
  });

  it('R-POL-8 refunds in parts, the same key once, and never more in total than was paid', async () => {
    const { sandbox, provider } = await sandboxWith();
    const receiver = await startReceiver(provider);
    const { providerPaymentId } = await provider.createPayment(paymentInput(receiver.url));

    const refund = (amountFen: number, idempotencyKey: string) => provider.refund({ providerPaymentId, amountFen, reason: 'cooling_off_cancellation', idempotencyKey });
    await expect(refund(100, 'refund-early')).rejects.toMatchObject({ code: 'payment_state_conflict' });
    await pressOnPage(sandbox, providerPaymentId, 'pay');

    const first = await refund(10_000, 'refund-1');
    expect(first).toMatchObject({ status: 'succeeded' });
    expect(first.providerRefundId).toMatch(/^sbxref_/);
    expect(await refund(10_000, 'refund-1')).toEqual(first);
    await expect(refund(2_000, 'refund-1')).rejects.toMatchObject({ code: 'payment_request_conflict' });

    await expect(refund(2_346, 'refund-2')).rejects.toMatchObject({ code: 'payment_refund_too_large' });
    await refund(2_345, 'refund-3');
    expect(await provider.queryPayment(providerPaymentId)).toMatchObject({ status: 'paid', refundedFen: 12_345 });
    await expect(refund(1, 'refund-4')).rejects.toMatchObject({ code: 'payment_refund_too_large' });
  });

  it('R-POL-8 an unpaid payment expires: queried as expired, the page says so and refuses to take the money', async () => {
    const { sandbox, provider } = await sandboxWith();
    const receiver = await startReceiver(provider);
    const { providerPaymentId, payUrl } = await provider.createPayment(paymentInput(receiver.url, { expiresAt: new Date(Date.now() + 300) }));
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect((await provider.queryPayment(providerPaymentId)).status).toBe('expired');
    const page = await (await fetch(payUrl)).text();
    expect(page).toContain('支付已过期');
    expect(page).toContain('This payment has expired');
    expect(page).not.toContain('data-testid="sandbox-pay"');
    const refused = await pressOnPage(sandbox, providerPaymentId, 'pay');
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('This payment cannot be completed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(0);
    const past = provider.createPayment(paymentInput(receiver.url, { expiresAt: new Date(Date.now() - 1_000) }));
    await expect(past).rejects.toMatchObject({ code: 'payment_provider_failed', details: { providerCode: 'invalid_request' } });
  });

  it('R-POL-8 closing stops a pending payment from being paid, and is refused once paid; cancel changes nothing', async () => {
    const { sandbox, provider } = await sandboxWith();
    const receiver = await startReceiver(provider);
    const toClose = await provider.createPayment(paymentInput(receiver.url));
    const cancelled = await pressOnPage(sandbox, toClose.providerPaymentId, 'cancel');
    expect(cancelled.status).toBe(303);
    expect((await provider.queryPayment(toClose.providerPaymentId)).status).toBe('pending');
    await provider.closePayment(toClose.providerPaymentId);
    await provider.closePayment(toClose.providerPaymentId);
    expect((await provider.queryPayment(toClose.providerPaymentId)).status).toBe('closed');
    expect((await pressOnPage(sandbox, toClose.providerPaymentId, 'pay')).status).toBe(409);

    const toPay = await provider.createPayment(paymentInput(receiver.url));
    await pressOnPage(sandbox, toPay.providerPaymentId, 'pay');
    await expect(provider.closePayment(toPay.providerPaymentId)).rejects.toMatchObject({ code: 'payment_state_conflict' });
    await expect(provider.queryPayment('sbxpay_unknown')).rejects.toMatchObject({ code: 'payment_unknown' });
  });

  it('R-POL-8 refuses unsigned, badly signed and stale API requests', async () => {
    const { sandbox } = await sandboxWith();
    const unsigned = await fetch(`${sandbox.url}/v1/payments/sbxpay_x`);
    expect(unsigned.status).toBe(401);
    const wrongSecret = await signedFetch(sandbox, '/v1/payments/sbxpay_x', { method: 'GET', secret: 'not-the-shared-secret' });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const known = await signedFetch(sandbox, '/v1/payments/sbxpay_x', { method: 'GET' });
    expect(known.status).toBe(404);

    const stale = unixSeconds(new Date(Date.now() - 6 * 60_000));
    const staleResponse = await fetch(`${sandbox.url}/v1/payments/sbxpay_x`, {
      headers: {
        [sandboxHeaders.merchant]: merchantId,
        [sandboxHeaders.timestamp]: String(stale),
        [sandboxHeaders.signature]: signSandbox(secret, requestStringToSign({ method: 'GET', path: '/v1/payments/sbxpay_x', merchantId, timestamp: stale, body: '' })),
      },
    });
    expect(await staleResponse.json()).toMatchObject({ error: { code: 'stale_timestamp' } });
    const noKey = await signedFetch(sandbox, '/v1/payments', { method: 'POST', body: '{}' });
    expect(noKey.status).toBe(400);
  });

  it('R-POL-8 failureRate=1 answers every API call 503 (the pay page still works) and the provider gives up as unavailable', async () => {
    const { sandbox, provider } = await sandboxWith({ failureRate: 1 });
    const raw = await signedFetch(sandbox, '/v1/payments/sbxpay_x', { method: 'GET' });
    expect(raw.status).toBe(503);
    expect(await raw.json()).toMatchObject({ error: { code: 'unavailable' } });
    await expect(provider.createPayment(paymentInput('http://127.0.0.1:9/notify'))).rejects.toMatchObject({
      code: 'payment_provider_unavailable',
      details: { attempts: 3, providerCode: 'http_503' },
    });
    expect((await fetch(`${sandbox.url}/pay/sbxpay_unknown`)).status).toBe(404);
  });

  it('R-POL-8 a create whose answer was lost is carried out once: the retry with the same key finds it', async () => {
    // The first call fails after being carried out (two draws below 0.5); every later call succeeds.
    const draws = [0.1, 0.1];
    const { sandbox, provider } = await sandboxWith({ failureRate: 0.5, random: () => draws.shift() ?? 0.9 });
    const input = paymentInput('http://127.0.0.1:9/notify');
    const body = JSON.stringify({ ...input, idempotencyKey: undefined, expiresAt: input.expiresAt.toISOString() });
    const lost = await signedFetch(sandbox, '/v1/payments', { method: 'POST', body, idempotencyKey: input.idempotencyKey });
    expect(lost.status).toBe(503);
    const retriedAt = new Date();

    const created = await signedFetch(sandbox, '/v1/payments', { method: 'POST', body, idempotencyKey: input.idempotencyKey });
    const payment = (await created.json()) as { id: string; createdAt: string };
    expect(new Date(payment.createdAt).getTime()).toBeLessThanOrEqual(retriedAt.getTime());
    expect((await provider.createPayment(input)).providerPaymentId).toBe(payment.id);
  });

  it('R-POL-8 latencyMs delays API answers', async () => {
    const { sandbox } = await sandboxWith({ latencyMs: 200 });
    const started = performance.now();
    await signedFetch(sandbox, '/v1/payments/sbxpay_x', { method: 'GET' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});
