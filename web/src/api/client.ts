import { currentLanguage } from '../i18n';
import { CSRF_HEADER, csrfTokenFrom, needsCsrfToken, sessionPathFor } from './csrf';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './apiError';
import { parseProblem } from './problem';

export { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './apiError';

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Non-2xx statuses whose JSON body is a regular answer rather than a failure,
   * e.g. /readyz reports "not ready" with 503 and the full check list.
   */
  acceptStatuses?: readonly number[];
}

function isJson(contentType: string | null, subtype: string): boolean {
  return contentType?.toLowerCase().split(';')[0]?.trim() === subtype;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const body: unknown = await response.json();
    return body;
  } catch {
    return undefined;
  }
}

/** Seconds from a Retry-After header; the HTTP-date form is not used by our server and is ignored. */
function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/**
 * The current CSRF token, read from the cookie at every request because the server rotates it at
 * sign-in and sign-out. The app asks for a session on start, which issues the cookie; a request sent
 * before that answer arrived (or after the cookie was cleared) fetches one first.
 */
async function csrfToken(path: string): Promise<string | undefined> {
  const token = csrfTokenFrom(document.cookie);
  if (token) return token;
  try {
    await fetch(sessionPathFor(path), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    // The real request will fail the same way and report it.
  }
  return csrfTokenFrom(document.cookie);
}

/** Same-origin JSON request that speaks the user's language and turns problem+json into ApiError. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, acceptStatuses = [] } = options;
  const headers = new Headers({
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const send = async (csrf: string | undefined): Promise<Response> => {
    if (csrf) headers.set(CSRF_HEADER, csrf);
    try {
      return await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        signal: signal ?? null,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      // Let TanStack Query see its own cancellations for what they are.
      if (signal?.aborted) throw cause;
      throw new ApiError({ status: 0, code: NETWORK_ERROR, title: '', isProblem: false, cause });
    }
  };

  const sentToken = needsCsrfToken(method) ? await csrfToken(path) : undefined;
  let response = await send(sentToken);
  // A first visit's two session requests can each issue a token, and the later cookie may land while
  // this request is on its way with the earlier one. Refused that way, it is sent once more with the
  // cookie as it now is; a refusal with an unchanged token is final.
  if (response.status === 403 && sentToken !== undefined) {
    const current = csrfTokenFrom(document.cookie);
    if (current && current !== sentToken) response = await send(current);
  }

  const contentType = response.headers.get('Content-Type');

  if (isJson(contentType, 'application/problem+json')) {
    const problem = parseProblem(await readJson(response));
    if (problem) {
      throw new ApiError({
        status: response.status,
        code: problem.code,
        title: problem.title,
        detail: problem.detail,
        type: problem.type,
        instance: problem.instance,
        isProblem: true,
        fieldErrors: problem.errors,
        retryAfterSeconds: retryAfterOf(response),
      });
    }
  } else if ((response.ok || acceptStatuses.includes(response.status)) && isJson(contentType, 'application/json')) {
    const data = await readJson(response);
    if (data !== undefined) return data as T;
  } else if (response.status === 204) {
    return undefined as T;
  }

  throw new ApiError({
    status: response.status,
    code: UNEXPECTED_RESPONSE,
    title: response.statusText,
    isProblem: false,
  });
}
