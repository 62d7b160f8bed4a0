import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { negotiateLanguage } from '../../language.ts';
import { ageStandingOf } from '../../../modules/minors/age-standing.ts';
import { declareAge } from '../../../modules/minors/declare-age.ts';
import { giveGuardianConsent, requestGuardianCode, withdrawGuardianConsent } from '../../../modules/minors/guardian-consent.ts';
import { ageGroups, guardianRelationships } from '../../../modules/minors/schema.ts';
import { purposeNotice } from '../../../privacy/consent/purpose-notices.ts';
import { requireCustomer } from '../../plugins/sessions.ts';

const Standing = Type.Object({
  standing: Type.Enum(['unknown', 'at_least_14', 'child_with_guardian', 'child_awaiting_guardian']),
  guardianConsent: Type.Object({ version: Type.Integer(), text: Type.String() }),
});
const Phone = Type.String({ minLength: 5, maxLength: 20 });

/** The age question at registration and the guardian flow for children under 14 (R-MIN-1). */
export const minorsRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const deps = () => ({ db: fastify.services.database.db, keyring: fastify.services.keyring, sms: fastify.services.sms });

  fastify.get(
    '/api/site/account/age',
    { schema: { tags: ['site'], summary: 'Where the account stands on age, and the guardian consent text', response: { 200: Standing } } },
    async (request) => {
      const { customerId } = requireCustomer(request);
      const standing = await ageStandingOf(request.ctx('account'), deps(), customerId);
      const notice = purposeNotice('minor_guardian', negotiateLanguage(request.headers['accept-language']));
      return { standing, guardianConsent: { version: notice.version, text: notice.text } };
    },
  );

  fastify.post(
    '/api/site/account/age',
    {
      schema: {
        tags: ['site'],
        summary: 'Answer the registration question: 14 or older, or under 14',
        body: Type.Object({ ageGroup: Type.Enum(ageGroups) }),
        response: { 200: Type.Object({ standing: Type.String() }) },
      },
    },
    async (request) => {
      requireCustomer(request);
      return { standing: await declareAge(request.ctx('account'), request.body, deps()) };
    },
  );

  fastify.post(
    '/api/site/account/guardian/code',
    {
      schema: {
        tags: ['site'],
        summary: "Send a code to the guardian's own mobile",
        body: Type.Object({ guardianPhone: Phone }),
        response: { 200: Type.Object({ expiresInSeconds: Type.Integer(), resendAfterSeconds: Type.Integer(), demoCode: Type.Optional(Type.String()) }) },
      },
    },
    async (request) => {
      requireCustomer(request);
      return requestGuardianCode(request.ctx('account'), request.body, deps());
    },
  );

  fastify.post(
    '/api/site/account/guardian/consent',
    {
      schema: {
        tags: ['site'],
        summary: "The guardian's consent: their code, the relationship, and an explicit yes to the text of the given version",
        body: Type.Object({
          guardianPhone: Phone,
          code: Type.String({ pattern: '^[0-9]{6}$' }),
          relationship: Type.Enum(guardianRelationships),
          agreed: Type.Boolean(),
          version: Type.Integer({ minimum: 1 }),
        }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      requireCustomer(request);
      await giveGuardianConsent(request.ctx('account'), request.body, negotiateLanguage(request.headers['accept-language']), deps());
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/api/site/account/guardian/withdraw',
    { schema: { tags: ['site'], summary: "Withdraw the guardian's consent (the account is restricted again at once)", response: { 204: Type.Null() } } },
    async (request, reply) => {
      requireCustomer(request);
      await withdrawGuardianConsent(request.ctx('account'), negotiateLanguage(request.headers['accept-language']), deps());
      return reply.code(204).send(null);
    },
  );
};
