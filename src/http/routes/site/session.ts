import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ensureCsrfToken } from '../../plugins/csrf.ts';

/** Who the browser is signed in as, and the CSRF token for its next state-changing request. */
export const sessionRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/site/session',
    {
      schema: {
        tags: ['site'],
        summary: 'The current session (anonymous, guest or customer) and a CSRF token',
        response: {
          200: Type.Object({
            actor: Type.Object({ type: Type.Union([Type.Literal('anonymous'), Type.Literal('guest'), Type.Literal('customer')]), id: Type.Optional(Type.String()) }),
            csrfToken: Type.String(),
          }),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const actor = request.actor.type === 'customer' || request.actor.type === 'guest' ? { type: request.actor.type, id: request.actor.id } : { type: 'anonymous' as const };
      return { actor, csrfToken: ensureCsrfToken(request, reply, fastify.services.config) };
    },
  );
};
