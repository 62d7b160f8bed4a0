import { smsFailure } from './sms-failure.ts';

/** The part of `fetch` the adapters use, so tests can hand in a fake and never reach a provider. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** A sign-in waits for the code to be sent: past this, the person is better off trying again. */
export const PROVIDER_TIMEOUT_MS = 10_000;

export interface ProviderRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ProviderReply {
  status: number;
  body: unknown;
}

/**
 * POSTs to a provider and parses its JSON reply, whatever the HTTP status: both providers explain
 * refusals in a JSON body, also on 4xx. Failures before such a body exists become sms_failed.
 * Always POST, never GET: a phone number and a code in a URL end up in every proxy's access log.
 */
export async function postToProvider(provider: string, fetchImpl: FetchLike, request: ProviderRequest): Promise<ProviderReply> {
  let status: number;
  let text: string;
  try {
    const response = await fetchImpl(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw smsFailure(timedOut ? 'SMS provider did not answer in time' : 'SMS provider could not be reached', {
      provider,
      providerCode: timedOut ? 'timeout' : 'network_error',
      cause: error,
    });
  }
  try {
    return { status, body: JSON.parse(text) as unknown };
  } catch {
    throw smsFailure(`SMS provider answered HTTP ${status} without JSON`, { provider, providerCode: `http_${status}` });
  }
}

/** Reads `object.key` of a parsed JSON reply when it is a string: replies are data, never trusted to have a shape. */
export function stringField(object: unknown, key: string): string | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const value: unknown = (object as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** Reads `object.key` of a parsed JSON reply when it is an object or an array. */
export function objectField(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined;
  const value: unknown = (object as Record<string, unknown>)[key];
  return typeof value === 'object' && value !== null ? value : undefined;
}
