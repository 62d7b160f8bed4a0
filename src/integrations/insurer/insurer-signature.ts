import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 signatures between the platform and an insurer over a shared secret, both ways:
 * requests so the insurer knows the platform asked, answers so the platform knows a policy number
 * came from the insurer. The signed text binds the timestamp, method, path, idempotency key and a
 * hash of the body bytes; an answer is also bound to the request it answers, so no answer can be
 * replayed for another request.
 */
export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Older or newer than this and a signed message is refused: it bounds how long a captured request can be replayed. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const VERSION = 'v1';

export interface SignedRequest {
  method: string;
  /** Path and query as sent (`/v1/policies`). */
  path: string;
  idempotencyKey: string | undefined;
  /** Unix seconds. */
  timestamp: number;
  body: string | Buffer;
}

export interface SignedResponse {
  request: Pick<SignedRequest, 'method' | 'path' | 'idempotencyKey'>;
  status: number;
  timestamp: number;
  body: string | Buffer;
}

export type SignatureCheck = { isValid: true } | { isValid: false; problem: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function requestSigningText(request: SignedRequest): string {
  return [VERSION, 'request', String(request.timestamp), request.method.toUpperCase(), request.path, request.idempotencyKey ?? '', sha256Hex(request.body)].join('\n');
}

export function responseSigningText(response: SignedResponse): string {
  const { request } = response;
  return [VERSION, 'response', String(response.timestamp), request.method.toUpperCase(), request.path, request.idempotencyKey ?? '', String(response.status), sha256Hex(response.body)].join('\n');
}

/** The `X-Signature` header value for a request. */
export function signRequest(secret: string, request: SignedRequest): string {
  return headerValue(secret, requestSigningText(request));
}

export function signResponse(secret: string, response: SignedResponse): string {
  return headerValue(secret, responseSigningText(response));
}

export function verifyRequest(secret: string, request: Omit<SignedRequest, 'timestamp'>, headers: SignatureHeaders, nowSeconds: number): SignatureCheck {
  return verify(secret, headers, nowSeconds, (timestamp) => requestSigningText({ ...request, timestamp }));
}

export function verifyResponse(secret: string, response: Omit<SignedResponse, 'timestamp'>, headers: SignatureHeaders, nowSeconds: number): SignatureCheck {
  return verify(secret, headers, nowSeconds, (timestamp) => responseSigningText({ ...response, timestamp }));
}

export interface SignatureHeaders {
  signature: string | undefined;
  timestamp: string | undefined;
}

function verify(secret: string, headers: SignatureHeaders, nowSeconds: number, signingText: (timestamp: number) => string): SignatureCheck {
  if (!headers.signature || !headers.timestamp) return { isValid: false, problem: 'missing' };
  if (!/^\d{1,12}$/.test(headers.timestamp)) return { isValid: false, problem: 'malformed' };
  const match = /^v1=([0-9a-f]{64})$/.exec(headers.signature);
  if (!match) return { isValid: false, problem: 'malformed' };
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) return { isValid: false, problem: 'stale' };
  const expected = hmac(secret, signingText(timestamp));
  // Both are 32 bytes here; timingSafeEqual keeps a forger from learning the signature byte by byte.
  const isEqual = timingSafeEqual(expected, Buffer.from(match[1] as string, 'hex'));
  return isEqual ? { isValid: true } : { isValid: false, problem: 'mismatch' };
}

function headerValue(secret: string, text: string): string {
  return `${VERSION}=${hmac(secret, text).toString('hex')}`;
}

function hmac(secret: string, text: string): Buffer {
  return createHmac('sha256', secret).update(text, 'utf8').digest();
}

function sha256Hex(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}
