import { describe, expect, it } from 'vitest';
import type { AppError } from '../../errors/app-error.ts';
import type { FetchLike } from '../sms/post-to-provider.ts';
import { HttpInsurerAdapter } from './http-insurer-adapter.ts';
import { isRetryableInsurerFailure } from './insurer-failure.ts';
import { signResponse, verifyRequest } from './insurer-signature.ts';
import { failureOf, sampleApplication } from './insurer-test-fixtures.ts';

const secret = 'adapter-test-secret-0123456789abcdef';
const now = new Date('2026-06-01T02:00:00.000Z');
const seconds = Math.floor(now.getTime() / 1000);
const personal = ['张三', '11010519491231002X', '13800138000'];

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

type Reply = { status?: number; json?: unknown; text?: string; signedWith?: string | null } | Error | 'hang';

/** A fetch that records what the adapter sends and answers as the insurer would, signed unless told otherwise. */
function insurerFetch(...replies: Reply[]): { fetch: FetchLike; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = init.headers as Record<string, string>;
    const request = { url, method: init.method ?? 'GET', headers: { ...headers }, body: init.body === undefined ? '' : String(init.body) };
    sent.push(request);
    const reply = replies.shift();
    if (reply === undefined) throw new Error('insurerFetch: no reply scripted');
    if (reply instanceof Error) throw reply;
    if (reply === 'hang') {
      return new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    }
    const status = reply.status ?? 200;
    const text = reply.text ?? JSON.stringify(reply.json);
    const replyHeaders: Record<string, string> = { 'Content-Type': 'application/json' };
    if (reply.signedWith !== null) {
      const { pathname, search } = new URL(url);
      const exchange = { method: request.method, path: `${pathname}${search}`, idempotencyKey: headers['idempotency-key'] };
      replyHeaders['x-signature-timestamp'] = String(seconds);
      replyHeaders['x-signature'] = signResponse(reply.signedWith ?? secret, { request: exchange, status, timestamp: seconds, body: text });
    }
    return new Response(text, { status, headers: replyHeaders });
  };
  return { fetch, sent };
}

function adapterWith(fetch: FetchLike, extra: { baseUrl?: string; timeoutMs?: number } = {}): HttpInsurerAdapter {
  return new HttpInsurerAdapter({ baseUrl: extra.baseUrl ?? 'https://insurer.example', insurerCode: 'reference', secret, timeoutMs: extra.timeoutMs ?? 1_000, fetch, now: () => now });
}

function expectNoPersonalData(error: AppError): void {
  const visible = `${error.message} ${JSON.stringify(error.details)} ${error.stack ?? ''}`;
  for (const value of personal) expect(visible).not.toContain(value);
}

const issuedJson = { status: 'issued', policyNumber: 'RI20260000000001', issuedAt: '2026-06-01T02:00:00.000Z' };
const submit = (adapter: HttpInsurerAdapter) => adapter.submitApplication(sampleApplication(), { idempotencyKey: 'iss_0001_key' });

describe('HTTP insurer adapter (R-POL-9)', () => {
  it('R-POL-9 POSTs the application as signed JSON with its idempotency key and names its disclosure recipient', async () => {
    const { fetch, sent } = insurerFetch({ status: 201, json: { ...issuedJson, documentPdfBase64: Buffer.from('%PDF-1.4 x').toString('base64') } });
    const adapter = adapterWith(fetch, { baseUrl: 'https://insurer.example/partner/' });
    const application = sampleApplication();

    const result = await adapter.submitApplication(application, { idempotencyKey: 'iss_0001_key' });

    expect(adapter.recipientIntegration).toBe('insurer.reference');
    expect(result).toEqual({ status: 'issued', policyNumber: 'RI20260000000001', issuedAt: new Date(issuedJson.issuedAt), documentPdf: Buffer.from('%PDF-1.4 x') });
    const [request] = sent;
    expect(request?.url).toBe('https://insurer.example/partner/v1/policies');
    expect(request?.method).toBe('POST');
    expect(JSON.parse(request?.body ?? '')).toEqual(application);
    expect(request?.headers).toMatchObject({ 'Content-Type': 'application/json', 'idempotency-key': 'iss_0001_key', 'x-signature-timestamp': String(seconds) });
    const check = verifyRequest(
      secret,
      { method: 'POST', path: '/partner/v1/policies', idempotencyKey: 'iss_0001_key', body: request?.body ?? '' },
      { signature: request?.headers['x-signature'], timestamp: request?.headers['x-signature-timestamp'] },
      seconds,
    );
    expect(check).toEqual({ isValid: true });
  });

  it('R-POL-9 escapes the policy number in paths and sends reads without a body or key', async () => {
    const { fetch, sent } = insurerFetch({ status: 404, json: { error: 'not_found', reason: 'policy_unknown' } });
    expect(await adapterWith(fetch).getPolicy('RI/../x')).toBeNull();
    expect(sent[0]?.url).toBe('https://insurer.example/v1/policies/RI%2F..%2Fx');
    expect(sent[0]?.body).toBe('');
    expect(sent[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it.each<[string, Reply, string]>([
    ['a network failure', new TypeError('fetch failed'), 'network_error'],
    ['HTTP 503', { status: 503, json: { error: 'unavailable' }, signedWith: null }, 'http_503'],
    ['HTTP 500 without JSON', { status: 500, text: 'oops', signedWith: null }, 'http_500'],
    ['HTTP 429', { status: 429, json: {} }, 'http_429'],
  ])('R-POL-9 turns %s into a retryable insurer_unavailable', async (_case, reply, reason) => {
    const error = await failureOf(submit(adapterWith(insurerFetch(reply).fetch)));
    expect(error.code).toBe('insurer_unavailable');
    expect(error.status).toBe(503);
    expect(error.details).toMatchObject({ insurer: 'reference', operation: 'submit_application', reason });
    expect(isRetryableInsurerFailure(error)).toBe(true);
    expectNoPersonalData(error);
  });

  it('R-POL-9 gives up waiting after timeoutMs and says so, retryably', async () => {
    const error = await failureOf(submit(adapterWith(insurerFetch('hang').fetch, { timeoutMs: 30 })));
    expect(error.code).toBe('insurer_unavailable');
    expect(error.details.reason).toBe('timeout');
    expect(isRetryableInsurerFailure(error)).toBe(true);
  });

  it.each<[string, Reply, string]>([
    ['an unsigned answer', { status: 201, json: issuedJson, signedWith: null }, 'signature_missing'],
    ['an answer signed with another secret', { status: 201, json: issuedJson, signedWith: 'someone-else-0123456789abcdef' }, 'signature_mismatch'],
    ['an answer that is not JSON', { status: 201, text: '<html>' }, 'not_json'],
    ['an issue without a policy number', { status: 201, json: { ...issuedJson, policyNumber: '' } }, 'invalid_policyNumber'],
    ['an issue without a time', { status: 201, json: { ...issuedJson, issuedAt: 'yesterday' } }, 'invalid_issuedAt'],
    ['a document that is not a PDF', { status: 201, json: { ...issuedJson, documentPdfBase64: Buffer.from('<html>').toString('base64') } }, 'invalid_documentPdfBase64'],
    ['a success of unknown kind', { status: 200, json: { status: 'pending' } }, 'http_200'],
  ])('R-POL-9 refuses %s as insurer_bad_response, not retried', async (_case, reply, reason) => {
    const error = await failureOf(submit(adapterWith(insurerFetch(reply).fetch)));
    expect(error.code).toBe('insurer_bad_response');
    expect(error.details.reason).toBe(reason);
    expect(isRetryableInsurerFailure(error)).toBe(false);
  });

  it('R-POL-9 keeps an insurer’s reason only when it is a code: free text may echo the person', async () => {
    const reply = { status: 422, json: { error: 'invalid_application', reason: '张三 11010519491231002X is too old' } };
    const error = await failureOf(submit(adapterWith(insurerFetch(reply).fetch)));
    expect(error.code).toBe('insurer_refused');
    expect(error.details).toMatchObject({ reason: 'unspecified', insurerStatus: 422 });
    expectNoPersonalData(error);

    const declined = await submit(adapterWith(insurerFetch({ json: { status: 'declined', reason: 'call 13800138000' } }).fetch));
    expect(declined).toEqual({ status: 'declined', reason: 'unspecified' });
  });

  it('R-POL-9 reports refused credentials as insurer_auth_failed, even when the refusal cannot be verified', async () => {
    const error = await failureOf(submit(adapterWith(insurerFetch({ status: 401, json: { reason: 'signature_stale' }, signedWith: null }).fetch)));
    expect(error.code).toBe('insurer_auth_failed');
    expect(error.details).toMatchObject({ reason: 'signature_stale', insurerStatus: 401 });
    expect(isRetryableInsurerFailure(error)).toBe(false);
  });

  it('R-POL-10 refuses a refund in fractions of a fen and reads a cancellation and an endorsement', async () => {
    const fractional = insurerFetch({ json: { refundFen: 10.5, cancelledAt: issuedJson.issuedAt } });
    const error = await failureOf(adapterWith(fractional.fetch).cancelPolicy({ policyNumber: 'RI20260000000001', effectiveDate: '2026-06-02', idempotencyKey: 'can_0001_key' }));
    expect(error.details.reason).toBe('invalid_refundFen');

    const { fetch, sent } = insurerFetch({ json: { refundFen: 1050, cancelledAt: issuedJson.issuedAt } }, { status: 201, json: { endorsementNumber: 'RI20260000000001E01', effectiveAt: issuedJson.issuedAt } });
    const adapter = adapterWith(fetch);
    expect(await adapter.cancelPolicy({ policyNumber: 'RI20260000000001', effectiveDate: '2026-06-02', idempotencyKey: 'can_0001_key' })).toEqual({ refundFen: 1050, cancelledAt: now });
    expect(await adapter.endorseDates({ policyNumber: 'RI20260000000001', newStartDate: '2026-07-01', newEndDate: '2026-07-05', premiumDifferenceFen: -300, idempotencyKey: 'end_0001_key' })).toEqual({
      endorsementNumber: 'RI20260000000001E01',
      effectiveAt: now,
    });
    expect(sent.map((request) => [request.url, request.headers['idempotency-key'], JSON.parse(request.body) as unknown])).toEqual([
      ['https://insurer.example/v1/policies/RI20260000000001/cancellations', 'can_0001_key', { effectiveDate: '2026-06-02' }],
      ['https://insurer.example/v1/policies/RI20260000000001/endorsements', 'end_0001_key', { newStartDate: '2026-07-01', newEndDate: '2026-07-05', premiumDifferenceFen: -300 }],
    ]);
  });

  it('R-POL-9 sends nothing with an idempotency key that could not be a header', async () => {
    const { fetch, sent } = insurerFetch();
    const error = await failureOf(adapterWith(fetch).submitApplication(sampleApplication(), { idempotencyKey: 'short' }));
    expect(error.code).toBe('internal');
    expect(sent).toHaveLength(0);
  });
});
