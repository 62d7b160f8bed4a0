import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error.ts';
import { negotiateLanguage } from '../language.ts';
import { asAppError, toProblem } from '../errors/to-problem.ts';

/**
 * One error handler for the whole API: every failure becomes problem+json in the person's language.
 * 5xx answers say only that something went wrong and carry the request id; the cause goes to the log.
 */
export function registerErrorHandling(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error, request, reply) => {
    const language = negotiateLanguage(request.headers['accept-language']);
    const appError = asAppError(error, language);
    if (appError.status >= 500) {
      request.log.error({ err: error, code: appError.code }, 'request failed');
    } else {
      request.log.info({ code: appError.code, status: appError.status }, 'request refused');
    }
    return sendProblem(reply, request, appError);
  });
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const language = negotiateLanguage(request.headers['accept-language']);
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== null) reply.header('retry-after', String(retryAfter));
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .header('content-language', language)
    .send(toProblem(error, request, language));
}

export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, request, new AppError('not_found', 'No route matches the request'));
}

/** Seconds a client should wait, for refusals that say so (cooldowns and locks). */
function retryAfterSeconds(error: AppError): number | null {
  if (typeof error.params.seconds === 'number') return error.params.seconds;
  if (typeof error.params.minutes === 'number') return error.params.minutes * 60;
  return null;
}
