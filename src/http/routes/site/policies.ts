import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { E_POLICY_VARIANTS } from '../../../modules/policies/e-policy/e-policy-model.ts';
import { getEPolicyPdf } from '../../../modules/policies/get-e-policy-pdf.ts';
import { listOwnPolicies } from '../../../modules/policies/list-own-policies.ts';
import { POLICY_STATUSES } from '../../../modules/policies/schema.ts';

const Localised = Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() });
const Policy = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  policyNumber: Type.String(),
  status: Type.Enum(POLICY_STATUSES),
  product: Localised,
  plan: Localised,
  coverStart: Type.String({ format: 'date' }),
  coverEnd: Type.String({ format: 'date' }),
  issuedAt: Type.String({ format: 'date-time' }),
  insured: Type.Array(Type.Object({ name: Type.String(), idMasked: Type.String() })),
  hasSchengenCertificate: Type.Boolean(),
});

/**
 * 我的保险's policies and their e-policy PDFs (R-POL-9, R-POL-10), for the signed-in customer or the
 * guest session that bought them. Nothing here is cached: the answers carry the owner's names.
 */
export const policyRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const deps = () => ({ db: fastify.services.database.db, keyring: fastify.services.keyring });
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  fastify.get(
    '/api/site/policies',
    { schema: { tags: ['site'], summary: 'My policies (customer or guest session): names in full, document numbers masked', response: { 200: Type.Object({ policies: Type.Array(Policy) }) } } },
    async (request) => {
      const policies = await listOwnPolicies(request.ctx('policy_service'), deps());
      return { policies: policies.map((policy) => ({ ...policy, issuedAt: policy.issuedAt.toISOString() })) };
    },
  );

  fastify.get(
    '/api/site/policies/:policyId/e-policy.pdf',
    {
      schema: {
        tags: ['site'],
        summary: 'The e-policy PDF of one of my policies in force: the bilingual schedule, or the Schengen visa certificate',
        params: Type.Object({ policyId: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ variant: Type.Optional(Type.Enum(E_POLICY_VARIANTS, { default: 'standard' })) }),
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'application/pdf' }) },
      },
    },
    async (request, reply) => {
      const { config } = fastify.services;
      const { fileName, pdf } = await getEPolicyPdf(
        request.ctx('policy_service'),
        { ...deps(), publicUrl: config.server.publicUrl, operator: config.operator },
        { policyId: request.params.policyId, variant: request.query.variant ?? 'standard' },
      );
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
    },
  );
};
