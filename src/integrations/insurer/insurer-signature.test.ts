import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_SECONDS, requestSigningText, signRequest, signResponse, verifyRequest, verifyResponse, type SignedRequest } from './insurer-signature.ts';

const secret = 'test-secret-0123456789abcdef';
const request: SignedRequest = { method: 'POST', path: '/v1/policies', idempotencyKey: 'ord_key_0001', timestamp: 1767225600, body: '{"productCode":"P1"}' };
const headersOf = (signature: string, timestamp = request.timestamp) => ({ signature, timestamp: String(timestamp) });

describe('insurer request signatures (R-POL-9)', () => {
  // Expected values computed outside the code under test, with openssl:
  //   printf 'v1\nrequest\n1767225600\nPOST\n/v1/policies\nord_key_0001\n<sha256 of body>' | openssl dgst -sha256 -hmac '<secret>'
  it('R-POL-9 signs timestamp, method, path, idempotency key and the body hash with HMAC-SHA256', () => {
    expect(requestSigningText(request)).toBe(
      'v1\nrequest\n1767225600\nPOST\n/v1/policies\nord_key_0001\n394d99cde3415bbc34ccc035e06c882b12e8adec8c99f2bd53ffe402ebf0123a',
    );
    expect(signRequest(secret, request)).toBe('v1=032d758f8f7bb6657cab01078adf775da2969bb591d50518c5d39286b93a3986');
  });

  it('R-POL-9 signs an answer bound to the request it answers', () => {
    const signature = signResponse(secret, { request, status: 201, timestamp: 1767225601, body: '{"ok":true}' });
    expect(signature).toBe('v1=fac2bcc119e2fe4a102e3ceda9d8f73ac3512d7286e961396b213a582ef050a0');
    const response = { request, status: 201, body: '{"ok":true}' };
    expect(verifyResponse(secret, response, headersOf(signature, 1767225601), 1767225601)).toEqual({ isValid: true });
    // The same answer presented for another request, or with another status, does not verify.
    expect(verifyResponse(secret, { ...response, request: { ...request, idempotencyKey: 'ord_key_0002' } }, headersOf(signature, 1767225601), 1767225601).isValid).toBe(false);
    expect(verifyResponse(secret, { ...response, status: 200 }, headersOf(signature, 1767225601), 1767225601).isValid).toBe(false);
  });

  it('R-POL-9 accepts its own signature and hashes bytes, whether the body is a string or a buffer', () => {
    const signature = signRequest(secret, request);
    expect(verifyRequest(secret, request, headersOf(signature), request.timestamp)).toEqual({ isValid: true });
    expect(verifyRequest(secret, { ...request, body: Buffer.from(request.body as string, 'utf8') }, headersOf(signature), request.timestamp)).toEqual({ isValid: true });
  });

  it.each([
    ['method', { method: 'GET' }],
    ['path', { path: '/v1/policies/RI20260000000001/cancellations' }],
    ['idempotency key', { idempotencyKey: 'ord_key_0002' }],
    ['missing idempotency key', { idempotencyKey: undefined }],
    ['body', { body: '{"productCode":"P2"}' }],
  ])('R-POL-9 refuses a request whose %s changed after signing', (_part, change) => {
    const signature = signRequest(secret, request);
    expect(verifyRequest(secret, { ...request, ...change }, headersOf(signature), request.timestamp)).toEqual({ isValid: false, problem: 'mismatch' });
  });

  it('R-POL-9 refuses another secret, and a timestamp moved to make an old request current', () => {
    const signature = signRequest(secret, request);
    expect(verifyRequest('another-secret-0123456789abcdef', request, headersOf(signature), request.timestamp)).toEqual({ isValid: false, problem: 'mismatch' });
    const later = request.timestamp + 1000;
    expect(verifyRequest(secret, request, headersOf(signature, later), later)).toEqual({ isValid: false, problem: 'mismatch' });
  });

  it(`R-POL-9 refuses signatures older or newer than ${MAX_CLOCK_SKEW_SECONDS} s`, () => {
    const signature = signRequest(secret, request);
    const at = (now: number) => verifyRequest(secret, request, headersOf(signature), now);
    expect(at(request.timestamp + MAX_CLOCK_SKEW_SECONDS).isValid).toBe(true);
    expect(at(request.timestamp - MAX_CLOCK_SKEW_SECONDS).isValid).toBe(true);
    expect(at(request.timestamp + MAX_CLOCK_SKEW_SECONDS + 1)).toEqual({ isValid: false, problem: 'stale' });
    expect(at(request.timestamp - MAX_CLOCK_SKEW_SECONDS - 1)).toEqual({ isValid: false, problem: 'stale' });
  });

  it.each([
    ['no signature', { signature: undefined, timestamp: '1767225600' }, 'missing'],
    ['no timestamp', { signature: 'v1=00', timestamp: undefined }, 'missing'],
    ['a timestamp that is not seconds', { signature: `v1=${'0'.repeat(64)}`, timestamp: '2026-01-01T00:00:00Z' }, 'malformed'],
    ['an unknown version', { signature: `v2=${'0'.repeat(64)}`, timestamp: '1767225600' }, 'malformed'],
    ['a short signature', { signature: `v1=${'0'.repeat(63)}`, timestamp: '1767225600' }, 'malformed'],
    ['upper-case hex', { signature: `v1=${'A'.repeat(64)}`, timestamp: '1767225600' }, 'malformed'],
  ])('R-POL-9 refuses %s without comparing anything', (_case, headers, problem) => {
    expect(verifyRequest(secret, request, headers, request.timestamp)).toEqual({ isValid: false, problem });
  });
});
