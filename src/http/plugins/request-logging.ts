import type { FastifyInstance } from 'fastify';

/**
 * One log line per request, written when the answer has gone out (Fastify's own pair of lines is
 * turned off). The logger's serializers keep only method, scrubbed path, route and id.
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  // The id goes back to the client so a person can quote it to customer service.
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: reply, responseTimeMs: Math.round(reply.elapsedTime * 10) / 10 }, 'request completed');
  });
}
