import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../../../test/support/fake-fetch.ts';
import type { PaymentReply } from './sandbox-api.ts';
import { SandboxPaymentProvider } from './sandbox-payment-provider.ts';
import { checkSandboxSignature, requestStringToSign, sandboxHeaders } from './sandbox-signature.ts';

const now = new Date('2026-03-01T02:03:04.000Z');
const options = { baseUrl: 'http://sandbox.test:4010/', merchantId: 'besttrav-test', secret: 'test-secret-0123456789', timeoutMs: 2_000, retryDelaysMs: [1, 1], now: () => now };

const payment: PaymentReply = {
  id: 'sbxpay_01jf0000000000000000000000',
  merchantOrderId: 'ord_01jf0000000000000000000000',
  amountFen: 12345,
  description: '全球旅行险 尊享计划',
  status: 'pending',
  payUrl: 'http://sandbox.test:4010/pay/sbxpay_01jf0000000000000000000000',
  expiresAt: '2026-03-01T02:33:04.000Z',
  paidAt: null,
  refundedFen: 0,
  createdAt: now.toISOString(),
};

const createInput = {
  merchantOrderId: payment.merchantOrderId,
  amountFen: 12345,
  description: '全球旅行险 尊享计划',
  notifyUrl: 'http://platform.test/api/partner/payments/sandbox/notify',
  returnUrl: 'http://platform.test/orders/ord_01jf0000000000000000000000',
  expiresAt: new Date('2026-03-01T02:33:04.000Z'),
  idempotencyKey: 'create:ord_01jf0000000000000000000000:1',
};

const refusal = (status: number, code: string) => ({ status, json: { error: { code, message: 'refused' } } });

describe('sandbox payment provider (R-POL-8)', () => {
  it('R-POL-8 POSTs a signed create with its idempotency key, which the sandbox side accepts', async () => {
    const fake = fakeFetch({ status: 201, json: payment });
    const created = await new SandboxPaymentProvider({ ...options, fetch: fake.fetch }).createPayment(createInput);

    expect(created).toEqual({ providerPaymentId: payment.id, payUrl: payment.payUrl, status: 'pending' });
    const [request] = fake.requests;
    expect(request?.url).toBe('http://sandbox.test:4010/v1/payments');
    expect(request?.method).toBe('POST');
    expect(request?.signal).toBeInstanceOf(AbortSignal);
    expect(request?.headers).toMatchObject({ [sandboxHeaders.merchant]: 'besttrav-test', [sandboxHeaders.idempotencyKey]: createInput.idempotencyKey });
    expect(JSON.parse(request?.body ?? '')).toEqual({ ...createInput, idempotencyKey: undefined, expiresAt: '2026-03-01T02:33:04.000Z' });
    const problem = checkSandboxSignature({
      secret: options.secret,
      signature: request?.headers[sandboxHeaders.signature],
      timestamp: request?.headers[sandboxHeaders.timestamp],
      now,
      stringToSign: (timestamp) =>
        requestStringToSign({ method: 'POST', path: '/v1/payments', merchantId: options.merchantId, timestamp, idempotencyKey: createInput.idempotencyKey, body: request?.body ?? '' }),
    });
    expect(problem).toBeUndefined();
  });

  it('R-POL-8 retries a 503, a timeout and a network error with the same key, then succeeds', async () => {
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    const fake = fakeFetch(refusal(503, 'unavailable'), timeout, { status: 201, json: payment });
    const provider = new SandboxPaymentProvider({ ...options, fetch: fake.fetch });
    await expect(provider.createPayment(createInput)).resolves.toMatchObject({ providerPaymentId: payment.id });
    expect(fake.requests).toHaveLength(3);
    expect(new Set(fake.requests.map((request) => request.headers[sandboxHeaders.idempotencyKey]))).toEqual(new Set([createInput.idempotencyKey]));
  });

  it('R-POL-8 gives up after its retries with payment_provider_unavailable (503)', async () => {
    const fake = fakeFetch(refusal(503, 'unavailable'), new TypeError('fetch failed'), { status: 500, text: 'oops' });
    await expect(new SandboxPaymentProvider({ ...options, fetch: fake.fetch }).queryPayment(payment.id)).rejects.toMatchObject({
      code: 'payment_provider_unavailable',
      status: 503,
      details: { provider: 'sandbox', providerCode: 'http_500', attempts: 3 },
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('R-POL-8 maps refusals to their own codes and does not retry them', async () => {
    const cases = [
      [refusal(404, 'not_found'), 'payment_unknown'],
      [refusal(409, 'idempotency_conflict'), 'payment_request_conflict'],
      [refusal(409, 'invalid_state'), 'payment_state_conflict'],
      [refusal(422, 'refund_exceeds_paid'), 'payment_refund_too_large'],
      [refusal(401, 'unauthorized'), 'payment_provider_failed'],
      [{ status: 400, text: '<html>' }, 'payment_provider_failed'],
      [{ status: 200, json: { id: 'x' } }, 'payment_provider_failed'],
    ] as const;
    for (const [reply, code] of cases) {
      const fake = fakeFetch(reply);
      const provider = new SandboxPaymentProvider({ ...options, fetch: fake.fetch });
      const refund = provider.refund({ providerPaymentId: payment.id, amountFen: 100, reason: 'cooling_off_cancellation', idempotencyKey: 'refund-1' });
      await expect(refund, JSON.stringify(reply)).rejects.toMatchObject({ code });
      expect(fake.requests).toHaveLength(1);
    }
  });

  it('R-POL-8 queries a payment by id in the path and returns the state with dates', async () => {
    const paid = { ...payment, status: 'paid', paidAt: '2026-03-01T02:10:00.000Z', refundedFen: 100 };
    const fake = fakeFetch({ json: paid });
    const state = await new SandboxPaymentProvider({ ...options, fetch: fake.fetch }).queryPayment(payment.id);
    expect(state).toEqual({ status: 'paid', amountFen: 12345, paidAt: new Date('2026-03-01T02:10:00.000Z'), refundedFen: 100 });
    expect(fake.requests[0]?.url).toBe(`http://sandbox.test:4010/v1/payments/${payment.id}`);
    expect(fake.requests[0]?.method).toBe('GET');
  });

  it('R-POL-8 never sends a description or reason shaped like personal information', async () => {
    const fake = fakeFetch();
    const provider = new SandboxPaymentProvider({ ...options, fetch: fake.fetch });
    const withPhone = provider.createPayment({ ...createInput, description: '旅行险 13800138000' });
    const withId = provider.refund({ providerPaymentId: payment.id, amountFen: 1, reason: 'refund for 11010519491231002X', idempotencyKey: 'r' });
    for (const attempt of [withPhone, withId]) {
      const error: unknown = await attempt.catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'internal' });
      expect(`${String(error)} ${JSON.stringify(error)}`).not.toMatch(/13800138000|11010519491231002X/);
    }
    expect(fake.requests).toHaveLength(0);
  });
});
