import type { FastifyError, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors/app-error.ts';
import type { ErrorCode, Language } from '../../errors/error-codes.ts';
import { validationProblems } from './validation-problems.ts';

/** An RFC 9457 problem document, as every error of the API is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  errors?: Array<{ pointer: string; detail: string }>;
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Maps anything thrown while handling a request to an AppError: ours as is, Fastify's by status. */
export function asAppError(error: unknown, language: Language): AppError {
  if (isAppError(error)) return error;
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    return new AppError('validation_failed', 'Request failed schema validation', {
      errors: validationProblems(fastifyError.validation, fastifyError.validationContext, language),
    });
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 400 && /JSON/i.test(fastifyError.code ?? '')) return new AppError('malformed_json', 'Body is not valid JSON', { cause: error });
  const code = codeByStatus[status] ?? (status >= 400 && status < 500 ? 'bad_request' : 'internal');
  return new AppError(code, fastifyError.message ?? 'Unexpected error', { cause: error });
}

export function toProblem(error: AppError, request: FastifyRequest, language: Language): Problem {
  const problem: Problem = {
    type: `urn:besttrav:problem:${error.code}`,
    title: error.title(language),
    status: error.status,
    detail: error.userMessage(language),
    code: error.code,
    instance: String(request.id),
  };
  if (error.errors.length > 0) problem.errors = error.errors;
  return problem;
}
