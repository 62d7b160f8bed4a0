import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { staffFindCustomerByPhone, staffUnmaskCustomerPhone } from '../../../modules/accounts/staff-lookup-customers.ts';

/**
 * Customer lookup for customer service. The number is sent in the body of a POST, never in a URL
 * (URLs end up in logs and browser history); answers are masked; unmasking needs a typed reason.
 */
export const consoleCustomerRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const deps = () => ({ db: fastify.services.database.db, keyring: fastify.services.keyring });

  fastify.post(
    '/api/console/customers/search',
    {
      schema: {
        tags: ['console'],
        summary: 'Find a customer by the exact mobile number (masked answer, audited)',
        body: Type.Object({ phone: Type.String({ minLength: 5, maxLength: 32 }) }),
        response: {
          200: Type.Array(
            Type.Object({
              customerId: Type.String(),
              phoneMasked: Type.String(),
              status: Type.String(),
              createdAt: Type.String({ format: 'date-time' }),
              lastSignInAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const found = await staffFindCustomerByPhone(request.ctx('customer_service'), request.body, deps());
      return found.map((card) => ({ ...card, createdAt: card.createdAt.toISOString(), lastSignInAt: card.lastSignInAt?.toISOString() ?? null }));
    },
  );

  fastify.post(
    '/api/console/customers/:customerId/unmask',
    {
      schema: {
        tags: ['console'],
        summary: 'Show the full mobile number, with a reason that is recorded in the audit log',
        params: Type.Object({ customerId: Type.String({ pattern: '^cus_[0-9a-z]{26}$' }) }),
        body: Type.Object({ field: Type.Literal('phone'), reason: Type.String({ maxLength: 500 }) }),
        response: { 200: Type.Object({ value: Type.String() }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const value = await staffUnmaskCustomerPhone(request.ctx('customer_service', request.body.reason), { customerId: request.params.customerId }, deps());
      return { value };
    },
  );
};
