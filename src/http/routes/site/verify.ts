import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { POLICY_STATUSES } from '../../../modules/policies/schema.ts';
import { verifyPolicy } from '../../../modules/policies/verify-policy.ts';

// Tokens are 256-bit secrets, so guessing is hopeless; the limit keeps the page from being a free
// oracle for anyone scanning addresses and bounds what one client can make the server decrypt.
const VERIFICATIONS_PER_MINUTE = 20;

/**
 * The public verification behind the e-policy's QR code (R-POL-9): no sign-in, masked data only,
 * limited per IP. The answer is the same for every visitor, but it is not cached in between, so a
 * cancelled policy shows as cancelled at once.
 */
export const verifyRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/site/verify/:token',
    {
      config: { rateLimit: { max: VERIFICATIONS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['site'],
        summary: 'Verify a policy from the token of its e-policy QR code: masked data only',
        params: Type.Object({ token: Type.String({ maxLength: 64 }) }),
        response: {
          200: Type.Object({
            valid: Type.Boolean(),
            status: Type.Enum(POLICY_STATUSES),
            product: Type.Object({ nameZh: Type.String(), nameEn: Type.String() }),
            insurer: Type.Object({ nameZh: Type.String(), nameEn: Type.String() }),
            coverStart: Type.String({ format: 'date' }),
            coverEnd: Type.String({ format: 'date' }),
            policyNumberMasked: Type.String(),
            insuredNamesMasked: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyPolicy(request.ctx('policy_service'), { db: fastify.services.database.db, keyring: fastify.services.keyring }, request.params.token);
    },
  );
};
