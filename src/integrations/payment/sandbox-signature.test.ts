import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors/app-error.ts';
import type { NotificationHeaders } from './payment-provider.ts';
import type { PaidNotificationBody } from './sandbox-api.ts';
import {
  checkSandboxSignature,
  notificationStringToSign,
  requestStringToSign,
  sandboxHeaders,
  signSandbox,
  unixSeconds,
} from './sandbox-signature.ts';
import { verifySandboxNotification } from './verify-sandbox-notification.ts';

const merchantId = 'besttrav-test';
const secret = 'test-secret-0123456789';
const now = new Date('2026-03-01T02:03:04.000Z');
const keys = { merchantId, secret, now };

const body: PaidNotificationBody = {
  id: 'sbxntf_01jf0000000000000000000000',
  type: 'payment.paid',
  createdAt: now.toISOString(),
  payment: { id: 'sbxpay_01jf0000000000000000000000', merchantOrderId: 'ord_01jf0000000000000000000000', amountFen: 12345, status: 'paid', paidAt: now.toISOString() },
};
const rawBody = JSON.stringify(body);

function signedHeaders(text: string, options: { secret?: string; at?: Date; id?: string; merchant?: string } = {}): Record<string, string> {
  const timestamp = unixSeconds(options.at ?? now);
  const notificationId = options.id ?? body.id;
  const stringToSign = notificationStringToSign({ merchantId: options.merchant ?? merchantId, notificationId, timestamp, body: text });
  return {
    [sandboxHeaders.timestamp]: String(timestamp),
    [sandboxHeaders.signature]: signSandbox(options.secret ?? secret, stringToSign),
    [sandboxHeaders.notificationId]: notificationId,
  };
}

function refusalReason(text: string, headers: NotificationHeaders): unknown {
  try {
    verifySandboxNotification(keys, text, headers);
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.code).toBe('payment_notification_invalid');
    expect(error.status).toBe(401);
    return error.details.reason;
  }
  throw new Error('the notification was accepted');
}

describe('payment sandbox signatures (R-POL-8)', () => {
  it('R-POL-8 accepts a notification signed with the shared secret and returns it typed, with its id', () => {
    const notification = verifySandboxNotification(keys, rawBody, signedHeaders(rawBody));
    expect(notification).toEqual({
      notificationId: body.id,
      type: 'payment.paid',
      providerPaymentId: body.payment.id,
      merchantOrderId: body.payment.merchantOrderId,
      amountFen: 12345,
      paidAt: now,
    });
  });

  it('R-POL-8 reads the headers whatever the case of their names, and from arrays as Node gives repeated ones', () => {
    const headers = Object.fromEntries(Object.entries(signedHeaders(rawBody)).map(([name, value]) => [name.toUpperCase(), [value]]));
    expect(verifySandboxNotification(keys, rawBody, headers).notificationId).toBe(body.id);
  });

  it('R-POL-8 refuses a tampered body: one fen more is a different message', () => {
    const headers = signedHeaders(rawBody);
    const tampered = rawBody.replace('"amountFen":12345', '"amountFen":12346');
    expect(tampered).not.toBe(rawBody);
    expect(refusalReason(tampered, headers)).toBe('bad_signature');
    // Even a change that leaves the JSON equal in meaning changes the bytes that were signed.
    expect(refusalReason(`${rawBody} `, headers)).toBe('bad_signature');
  });

  it('R-POL-8 refuses a notification signed with another secret or for another merchant', () => {
    expect(refusalReason(rawBody, signedHeaders(rawBody, { secret: 'another-secret-0123456' }))).toBe('bad_signature');
    expect(refusalReason(rawBody, signedHeaders(rawBody, { merchant: 'someone-else' }))).toBe('bad_signature');
  });

  it('R-POL-8 refuses a stale timestamp, five minutes and a second off either way, and accepts one just inside', () => {
    const late = new Date(now.getTime() - 5 * 60_000 - 1_000);
    const early = new Date(now.getTime() + 5 * 60_000 + 1_000);
    expect(refusalReason(rawBody, signedHeaders(rawBody, { at: late }))).toBe('stale_timestamp');
    expect(refusalReason(rawBody, signedHeaders(rawBody, { at: early }))).toBe('stale_timestamp');
    const inside = new Date(now.getTime() - 4 * 60_000);
    expect(verifySandboxNotification(keys, rawBody, signedHeaders(rawBody, { at: inside })).notificationId).toBe(body.id);
  });

  it('R-POL-8 refuses a moved timestamp even when it is fresh: the timestamp is signed', () => {
    const headers = signedHeaders(rawBody);
    headers[sandboxHeaders.timestamp] = String(unixSeconds(now) - 1);
    expect(refusalReason(rawBody, headers)).toBe('bad_signature');
  });

  it('R-POL-8 refuses missing headers, a malformed timestamp and a truncated signature', () => {
    const { [sandboxHeaders.signature]: _signature, ...unsigned } = signedHeaders(rawBody);
    expect(refusalReason(rawBody, unsigned)).toBe('missing_signature');
    const { [sandboxHeaders.notificationId]: _id, ...withoutId } = signedHeaders(rawBody);
    expect(refusalReason(rawBody, withoutId)).toBe('missing_notification_id');
    expect(refusalReason(rawBody, { ...signedHeaders(rawBody), [sandboxHeaders.timestamp]: '1.7e9' })).toBe('malformed_timestamp');
    const headers = signedHeaders(rawBody);
    headers[sandboxHeaders.signature] = (headers[sandboxHeaders.signature] ?? '').slice(0, -1);
    expect(refusalReason(rawBody, headers)).toBe('bad_signature');
  });

  it('R-POL-8 refuses a signed body that is not a notification, and a body naming another notification id', () => {
    const notJson = 'not json';
    expect(refusalReason(notJson, signedHeaders(notJson))).toBe('malformed_body');
    const wrongShape = JSON.stringify({ ...body, payment: { ...body.payment, amountFen: -1 } });
    expect(refusalReason(wrongShape, signedHeaders(wrongShape))).toBe('malformed_body');
    expect(refusalReason(rawBody, signedHeaders(rawBody, { id: 'sbxntf_another' }))).toBe('id_mismatch');
  });

  it('R-POL-8 a signed API request cannot pass as a notification: the kind of message is signed too', () => {
    const timestamp = unixSeconds(now);
    const requestSignature = signSandbox(secret, requestStringToSign({ method: 'POST', path: '/notify', merchantId, timestamp, body: rawBody }));
    const headers = { ...signedHeaders(rawBody), [sandboxHeaders.signature]: requestSignature };
    expect(refusalReason(rawBody, headers)).toBe('bad_signature');
  });

  it('R-POL-8 request signatures cover method, path, idempotency key and body', () => {
    const request = { method: 'POST', path: '/v1/payments', merchantId, timestamp: unixSeconds(now), idempotencyKey: 'key-1', body: '{"amountFen":100}' };
    const signature = signSandbox(secret, requestStringToSign(request));
    const check = (changed: Partial<typeof request>) =>
      checkSandboxSignature({ secret, signature, timestamp: String(request.timestamp), now, stringToSign: (timestamp) => requestStringToSign({ ...request, ...changed, timestamp }) });
    expect(check({})).toBeUndefined();
    expect(check({ method: 'GET' })).toBe('bad_signature');
    expect(check({ path: '/v1/payments/x/close' })).toBe('bad_signature');
    expect(check({ idempotencyKey: 'key-2' })).toBe('bad_signature');
    expect(check({ body: '{"amountFen":1}' })).toBe('bad_signature');
  });
});
