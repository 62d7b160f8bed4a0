import { AppError } from '../../errors/app-error.ts';
import type { FetchLike } from '../sms/post-to-provider.ts';
import { insurerFailure, insurerReasonCode } from './insurer-failure.ts';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, signRequest, verifyResponse } from './insurer-signature.ts';

export interface ExchangeSettings {
  insurer: string;
  baseUrl: string;
  secret: string;
  timeoutMs: number;
  fetch: FetchLike;
  now: () => Date;
}

export interface InsurerRequest {
  operation: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  idempotencyKey?: string;
}

export interface InsurerReply {
  status: number;
  body: unknown;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,255}$/;

/**
 * One signed JSON request and its verified answer. Throws insurer_unavailable when there is no
 * usable answer (network, timeout, 5xx, 429) — the caller's job retries with the same key — and
 * insurer_bad_response when the answer is not signed by the insurer or is not JSON. Every other
 * status is returned for the operation to interpret.
 */
export async function exchange(settings: ExchangeSettings, request: InsurerRequest): Promise<InsurerReply> {
  const facts = { insurer: settings.insurer, operation: request.operation };
  if (request.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(request.idempotencyKey)) {
    throw new AppError('internal', 'Idempotency key must be 8-255 visible ASCII characters', { details: facts });
  }
  const url = `${settings.baseUrl.replace(/\/+$/, '')}${request.path}`;
  const { pathname, search } = new URL(url);
  const signedPath = `${pathname}${search}`;
  const body = request.body === undefined ? '' : JSON.stringify(request.body);
  const timestamp = Math.floor(settings.now().getTime() / 1000);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signRequest(settings.secret, { method: request.method, path: signedPath, idempotencyKey: request.idempotencyKey, timestamp, body }),
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  if (request.idempotencyKey !== undefined) headers[IDEMPOTENCY_HEADER] = request.idempotencyKey;

  let response: Response;
  let text: string;
  try {
    response = await settings.fetch(url, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    // Reading the body is part of the answer: the timeout covers it too.
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw insurerFailure('insurer_unavailable', timedOut ? 'Insurer did not answer in time' : 'Insurer could not be reached', {
      ...facts,
      reason: timedOut ? 'timeout' : 'network_error',
      cause: error,
    });
  }

  const status = response.status;
  if (status >= 500 || status === 429) {
    throw insurerFailure('insurer_unavailable', `Insurer answered HTTP ${status}`, { ...facts, reason: `http_${status}`, insurerStatus: status });
  }
  // Checked before the answer's signature: with a wrong secret on our side no answer would verify,
  // and a forged refusal can only make a call fail, never make anything happen.
  if (status === 401 || status === 403) {
    throw insurerFailure('insurer_auth_failed', `Insurer refused the platform's signature (HTTP ${status})`, {
      ...facts,
      reason: insurerReasonCode(field(parsedOrNull(text), 'reason')),
      insurerStatus: status,
    });
  }
  const check = verifyResponse(
    settings.secret,
    { request: { method: request.method, path: signedPath, idempotencyKey: request.idempotencyKey }, status, body: text },
    { signature: response.headers.get(SIGNATURE_HEADER) ?? undefined, timestamp: response.headers.get(TIMESTAMP_HEADER) ?? undefined },
    Math.floor(settings.now().getTime() / 1000),
  );
  if (!check.isValid) {
    throw insurerFailure('insurer_bad_response', `Insurer answer failed signature check (${check.problem})`, { ...facts, reason: `signature_${check.problem}`, insurerStatus: status });
  }
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    throw insurerFailure('insurer_bad_response', `Insurer answered HTTP ${status} without JSON`, { ...facts, reason: 'not_json', insurerStatus: status });
  }
}

/** The error for an answer the operation did not expect: refused, or an unknown policy. */
export function refusal(settings: Pick<ExchangeSettings, 'insurer'>, operation: string, reply: InsurerReply): AppError {
  const facts = { insurer: settings.insurer, operation, insurerStatus: reply.status };
  const reason = insurerReasonCode(field(reply.body, 'reason'));
  if (reply.status === 404) return insurerFailure('insurer_policy_not_found', 'Insurer has no such policy', { ...facts, reason });
  if (reply.status >= 400) return insurerFailure('insurer_refused', `Insurer refused the request (HTTP ${reply.status})`, { ...facts, reason });
  return insurerFailure('insurer_bad_response', `Insurer answered HTTP ${reply.status} in an unexpected shape`, { ...facts, reason: `http_${reply.status}` });
}

/** Reads `object.key` of a parsed JSON answer: answers are data, never trusted to have a shape. */
export function field(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined;
  return (object as Record<string, unknown>)[key];
}

function parsedOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
