import { AppError, isAppError } from '../../errors/app-error.ts';
import type { ErrorCode } from '../../errors/error-codes.ts';

export type InsurerFailureCode = Extract<ErrorCode, `insurer_${string}`>;

export interface InsurerFailureFacts {
  insurer: string;
  /** Which adapter call failed (`submit_application`). */
  operation: string;
  /** Ours when there was no answer (`timeout`, `network_error`), else the insurer's reason code or `http_<status>`. */
  reason: string;
  insurerStatus?: number;
  cause?: unknown;
}

/**
 * The one way the adapter fails. The log message is fixed English written by us; the insurer's
 * reason is kept only as a code (see insurerReasonCode), because its own text may echo what we sent.
 */
export function insurerFailure(code: InsurerFailureCode, logMessage: string, facts: InsurerFailureFacts): AppError {
  const details: Record<string, unknown> = { insurer: facts.insurer, operation: facts.operation, reason: facts.reason };
  if (facts.insurerStatus !== undefined) details.insurerStatus = facts.insurerStatus;
  return new AppError(code, logMessage, { details, cause: facts.cause });
}

/** True when the same call, with the same idempotency key, may succeed later: the job should retry. */
export function isRetryableInsurerFailure(error: unknown): boolean {
  return isAppError(error) && error.code === 'insurer_unavailable';
}

const REASON_CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/** An insurer's reason when it is a short code (`cover_started`); free text (which may name a person) is not kept. */
export function insurerReasonCode(value: unknown): string {
  return typeof value === 'string' && REASON_CODE.test(value) ? value : 'unspecified';
}
