import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The payment sandbox's signature scheme, used by both sides (the platform's client and the sandbox
 * itself) so they cannot drift apart. HMAC-SHA256 with the merchant's shared secret over a string
 * of lines; the first line names what is signed, so a signed API request can never be replayed as a
 * notification or the other way round.
 */
export const sandboxHeaders = {
  merchant: 'x-sandbox-merchant',
  timestamp: 'x-sandbox-timestamp',
  signature: 'x-sandbox-signature',
  notificationId: 'x-sandbox-notification-id',
  idempotencyKey: 'idempotency-key',
} as const;

/** Clocks of the two sides may differ a little; a captured message is useless after this. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

const SIGNATURE_VERSION = 'v1';

export interface RequestToSign {
  method: string;
  /** Path and query exactly as sent (`/v1/payments/sbxpay_…`). */
  path: string;
  merchantId: string;
  /** Unix seconds. */
  timestamp: number;
  idempotencyKey?: string;
  /** The exact body bytes as sent; '' for GET. */
  body: string;
}

export interface NotificationToSign {
  merchantId: string;
  notificationId: string;
  /** Unix seconds. */
  timestamp: number;
  body: string;
}

export function requestStringToSign(request: RequestToSign): string {
  return ['BTSANDBOX-REQUEST-V1', request.method.toUpperCase(), request.path, request.merchantId, String(request.timestamp), request.idempotencyKey ?? '', sha256Hex(request.body)].join('\n');
}

export function notificationStringToSign(notification: NotificationToSign): string {
  return ['BTSANDBOX-NOTIFICATION-V1', notification.merchantId, notification.notificationId, String(notification.timestamp), sha256Hex(notification.body)].join('\n');
}

/** The header value: `v1=<hex>`, so a later scheme can be told apart. */
export function signSandbox(secret: string, stringToSign: string): string {
  return `${SIGNATURE_VERSION}=${createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex')}`;
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export type SignatureProblem = 'missing_signature' | 'malformed_timestamp' | 'stale_timestamp' | 'bad_signature';

export interface SignatureCheck {
  secret: string;
  /** Builds the signed string from the parsed timestamp, which only exists once the header is well formed. */
  stringToSign: (timestamp: number) => string;
  /** The signature header as received. */
  signature: string | undefined;
  /** The timestamp header as received. */
  timestamp: string | undefined;
  now: Date;
}

/** Undefined when the signature is good and fresh; otherwise what is wrong, for the refusal. */
export function checkSandboxSignature(check: SignatureCheck): SignatureProblem | undefined {
  if (!check.signature || !check.timestamp) return 'missing_signature';
  const seconds = parseTimestamp(check.timestamp);
  if (seconds === undefined) return 'malformed_timestamp';
  if (Math.abs(check.now.getTime() - seconds * 1000) > SIGNATURE_TOLERANCE_MS) return 'stale_timestamp';
  const expected = Buffer.from(signSandbox(check.secret, check.stringToSign(seconds)), 'utf8');
  const presented = Buffer.from(check.signature, 'utf8');
  // The length of a well-formed signature is public; only equal lengths reach the constant-time compare.
  if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) return 'bad_signature';
  return undefined;
}

function parseTimestamp(value: string): number | undefined {
  return /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}

/** One header from Node's or fetch's header shapes, whatever the case of its name. */
export function headerValue(headers: Readonly<Record<string, string | readonly string[] | undefined>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return typeof value === 'string' ? value : value?.[0];
  }
  return undefined;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
