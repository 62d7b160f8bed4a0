import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eraseUnconsentedChildData } from '../../../modules/minors/erase-unconsented-child-data.ts';

/** R-MIN-2: the PI-protection officer erases a child's data collected without a guardian's consent. */
export const consoleMinorsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/api/console/minors/erase',
    {
      schema: {
        tags: ['console'],
        summary: "Erase a child's data collected without a guardian's consent (legal holds aside), with a reason",
        body: Type.Object({ customerId: Type.String({ pattern: '^cus_[0-9a-z]{26}$' }), reason: Type.String({ maxLength: 500 }) }),
        response: {
          200: Type.Object({ erased: Type.Record(Type.String(), Type.Integer()), held: Type.Integer(), accountAnonymised: Type.Boolean() }),
        },
      },
    },
    async (request) =>
      eraseUnconsentedChildData(request.ctx('legal_obligation', request.body.reason), { customerId: request.body.customerId }, { db: fastify.services.database.db, keyring: fastify.services.keyring }),
  );
};
