import { currentLanguage } from '../i18n';
import { parseProblem } from './problem';

/** Codes the client itself produces when there is no problem document to show. */
export const NETWORK_ERROR = 'network_error';
export const UNEXPECTED_RESPONSE = 'unexpected_response';

/**
 * A failed API call. When `isProblem` is true, title and detail come from the server's
 * problem+json and are already in the user's language; otherwise the UI supplies its own wording.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly instance: string | undefined;
  readonly isProblem: boolean;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    type?: string | undefined;
    instance?: string | undefined;
    isProblem: boolean;
    cause?: unknown;
  }) {
    super(init.detail ?? init.title, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type;
    this.instance = init.instance;
    this.isProblem = init.isProblem;
  }
}

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

/** Same-origin JSON request that speaks the user's language and turns problem+json into ApiError. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, acceptStatuses = [] } = options;
  const headers = new Headers({
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  });
  if (body !== undefined) headers.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(path, {
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
