import { setTimeout as sleep } from 'node:timers/promises';
import { type TSchema, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../../errors/app-error.ts';
import type { ErrorCode } from '../../errors/error-codes.ts';
import type { FetchLike } from '../sms/post-to-provider.ts';
import { ErrorReply, parseJson, type SandboxErrorCode } from './sandbox-api.ts';
import { requestStringToSign, sandboxHeaders, signSandbox, unixSeconds } from './sandbox-signature.ts';

export interface SandboxConnection {
  baseUrl: string;
  merchantId: string;
  secret: string;
  timeoutMs: number;
  fetch: FetchLike;
  now: () => Date;
  /** Pauses before each retry; their count is the number of retries. */
  retryDelaysMs: readonly number[];
}

export interface SandboxCall {
  method: 'GET' | 'POST';
  /** Path below the base URL, starting with `/v1/`. */
  path: string;
  body?: unknown;
  idempotencyKey?: string;
}

type Attempt = { kind: 'reply'; status: number; body: unknown } | { kind: 'retry'; providerCode: string; cause?: unknown };

const PROVIDER = 'sandbox';

/**
 * One signed call with bounded retries. Only failures where asking again is safe are retried —
 * timeouts, network errors, 429 and 5xx — and asking again is safe because every call that changes
 * something carries its idempotency key (closing is idempotent by nature): a create whose answer was
 * lost finds the payment it made. Each attempt is signed afresh so its timestamp stays current.
 */
export async function callSandbox<S extends TSchema>(connection: SandboxConnection, call: SandboxCall, replySchema: S): Promise<Static<S>> {
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  let last: Extract<Attempt, { kind: 'retry' }> = { kind: 'retry', providerCode: 'not_attempted' };
  for (let attempt = 0; attempt <= connection.retryDelaysMs.length; attempt += 1) {
    if (attempt > 0) await sleep(connection.retryDelaysMs[attempt - 1] ?? 0);
    const outcome = await attemptOnce(connection, call, body);
    if (outcome.kind === 'reply') return replyOf(outcome.status, outcome.body, replySchema);
    last = outcome;
  }
  throw new AppError('payment_provider_unavailable', `Payment sandbox unavailable after ${connection.retryDelaysMs.length + 1} attempts`, {
    details: { provider: PROVIDER, providerCode: last.providerCode, attempts: connection.retryDelaysMs.length + 1 },
    cause: last.cause,
  });
}

async function attemptOnce(connection: SandboxConnection, call: SandboxCall, body: string): Promise<Attempt> {
  const url = `${connection.baseUrl.replace(/\/+$/, '')}${call.path}`;
  const { pathname, search } = new URL(url);
  const timestamp = unixSeconds(connection.now());
  const signature = signSandbox(
    connection.secret,
    requestStringToSign({ method: call.method, path: `${pathname}${search}`, merchantId: connection.merchantId, timestamp, idempotencyKey: call.idempotencyKey, body }),
  );
  const headers: Record<string, string> = {
    [sandboxHeaders.merchant]: connection.merchantId,
    [sandboxHeaders.timestamp]: String(timestamp),
    [sandboxHeaders.signature]: signature,
    accept: 'application/json',
  };
  if (call.idempotencyKey !== undefined) headers[sandboxHeaders.idempotencyKey] = call.idempotencyKey;
  if (call.method === 'POST') headers['content-type'] = 'application/json';
  try {
    const response = await connection.fetch(url, {
      method: call.method,
      headers,
      body: call.method === 'POST' ? body : undefined,
      signal: AbortSignal.timeout(connection.timeoutMs),
    });
    const text = await response.text();
    if (response.status === 429 || response.status >= 500) return { kind: 'retry', providerCode: `http_${response.status}` };
    return { kind: 'reply', status: response.status, body: parseJson(text) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { kind: 'retry', providerCode: timedOut ? 'timeout' : 'network_error', cause: error };
  }
}

function replyOf<S extends TSchema>(status: number, body: unknown, replySchema: S): Static<S> {
  if (status >= 200 && status < 300) {
    if (Value.Check(replySchema, body)) return body;
    throw failed(`Payment sandbox answered HTTP ${status} with an unexpected body`, 'malformed_reply', status);
  }
  if (!Value.Check(ErrorReply, body)) throw failed(`Payment sandbox answered HTTP ${status} without an error body`, `http_${status}`, status);
  const code = body.error.code;
  const mapped = refusalCodes[code];
  if (mapped) return throwRefusal(mapped, code, status);
  // Anything else means our request or our credentials are wrong: a configuration problem, not the payer's.
  throw failed(`Payment sandbox refused the request: ${code}`, code, status);
}

const refusalCodes: Partial<Record<SandboxErrorCode, ErrorCode>> = {
  not_found: 'payment_unknown',
  idempotency_conflict: 'payment_request_conflict',
  invalid_state: 'payment_state_conflict',
  refund_exceeds_paid: 'payment_refund_too_large',
};

function throwRefusal(code: ErrorCode, providerCode: string, status: number): never {
  throw new AppError(code, `Payment sandbox refused the request: ${providerCode}`, { details: { provider: PROVIDER, providerCode, httpStatus: status } });
}

function failed(message: string, providerCode: string, status: number): AppError {
  return new AppError('payment_provider_failed', message, { details: { provider: PROVIDER, providerCode, httpStatus: status } });
}
