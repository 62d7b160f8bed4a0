import type { FieldProblem } from './problem';

// Kept apart from client.ts (which needs the DOM for language and cookies) so it can be unit-tested in node.

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
  /** Problems with single inputs ("errors" of the problem document), for showing next to each field. */
  readonly fieldErrors: FieldProblem[];
  /** From a Retry-After header, when the server said how long to wait. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    type?: string | undefined;
    instance?: string | undefined;
    isProblem: boolean;
    fieldErrors?: FieldProblem[];
    retryAfterSeconds?: number | undefined;
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
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}
