import { errorCodes, type ErrorCode, type Language } from './error-codes.ts';

export type ErrorParams = Record<string, string | number>;

/** One problem with one input field, pointed at with a JSON pointer (RFC 9457 "errors" extension). */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

export interface AppErrorOptions {
  /** Values for the `{placeholders}` of the catalogued message. Never personal information. */
  params?: ErrorParams;
  /** Field-level problems, already in the person's language. */
  errors?: FieldProblem[];
  /** Extra machine-readable facts for logs and tooling. Never personal information. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The only error type the platform throws on purpose. `message` is for operators and logs (English,
 * no PI); what people see comes from the code's catalogued, translated title and detail.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly errors: FieldProblem[];
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.errors = options.errors ?? [];
    this.details = options.details ?? {};
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  title(language: Language): string {
    return errorCodes[this.code].title[language];
  }

  userMessage(language: Language): string {
    return fillPlaceholders(errorCodes[this.code].detail[language], this.params);
  }
}

function fillPlaceholders(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
