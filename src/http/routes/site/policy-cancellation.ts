import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { cancelOwnPolicy } from '../../../modules/policies/cancel-own-policy.ts';
import { previewOwnCancellation } from '../../../modules/policies/preview-own-cancellation.ts';
import { purchaseOf } from './payments.ts';

const PolicyParams = Type.Object({ policyId: Type.String({ maxLength: 64 }) });

/** 退保 from 我的保险 (R-POL-10): the refund is previewed, then confirmed with the amount shown. */
export const policyCancellationRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const deps = () => ({ db: fastify.services.database.db, purchase: purchaseOf(fastify.services) });
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  fastify.get(
    '/api/site/policies/:policyId/cancellation',
    {
      schema: {
        tags: ['site'],
        summary: 'What cancelling my policy today would refund (within the cooling-off period, or before a trip starts); changes nothing',
        params: PolicyParams,
        response: { 200: Type.Object({ policyId: Type.String(), premiumFen: Type.Integer(), refundFen: Type.Integer(), effectiveDate: Type.String({ format: 'date' }), lastDay: Type.String({ format: 'date' }) }) },
      },
    },
    async (request) => previewOwnCancellation(request.ctx('policy_service'), deps(), request.params.policyId),
  );

  fastify.post(
    '/api/site/policies/:policyId/cancellation',
    {
      schema: {
        tags: ['site'],
        summary: 'Cancel my policy and get the refund shown in the preview',
        params: PolicyParams,
        body: Type.Object({ expectedRefundFen: Type.Integer({ minimum: 0 }) }),
        response: { 200: Type.Object({ refundFen: Type.Integer() }) },
      },
    },
    async (request) => cancelOwnPolicy(request.ctx('policy_service'), deps(), { policyId: request.params.policyId, expectedRefundFen: request.body.expectedRefundFen }),
  );
};
