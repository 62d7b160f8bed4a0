import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ageStandingOf } from '../../../modules/minors/age-standing.ts';
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
            // For customers: where the account stands on age (R-MIN-1), so every page can ask or explain.
            ageStanding: Type.Optional(Type.Enum(['unknown', 'at_least_14', 'child_with_guardian', 'child_awaiting_guardian'])),
          }),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const actor = request.actor.type === 'customer' || request.actor.type === 'guest' ? { type: request.actor.type, id: request.actor.id } : { type: 'anonymous' as const };
      const csrfToken = ensureCsrfToken(request, reply, fastify.services.config);
      if (request.actor.type !== 'customer') return { actor, csrfToken };
      const ageStanding = await ageStandingOf(request.ctx('account'), { db: fastify.services.database.db, keyring: fastify.services.keyring }, request.actor.id);
      return { actor, csrfToken, ageStanding };
    },
  );
};
