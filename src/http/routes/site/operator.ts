import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const Operator = Type.Object({
  companyName: Type.String(),
  address: Type.String(),
  hotline: Type.String(),
  icpNumber: Type.Union([Type.String(), Type.Null()]),
  licenceNumber: Type.Union([Type.String(), Type.Null()]),
  piContact: Type.Object({ name: Type.String(), email: Type.String(), phone: Type.String() }),
});

/**
 * Who operates the platform and how to reach them (PIPL art. 17: the handler's name and contact
 * must be told to people). Public, from configuration, shown in the footer and on the contact page.
 */
export const operatorRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/site/operator',
    {
      schema: {
        tags: ['site'],
        summary: 'Operator identity and contacts',
        response: { 200: Operator },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return fastify.services.config.operator;
    },
  );
};
