import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { decidePurposeConsent, type WithdrawalEffects } from '../../../privacy/consent/decide-purpose-consent.ts';
import { eraseIdDocument } from '../../../modules/accounts/profile/erase-id-document.ts';
import { listMyConsents } from '../../../privacy/consent/list-my-consents.ts';
import { consentActions, consentChannels, managedPurposes, purposeGroupNames } from '../../../shared/consents.ts';
import { documentKinds } from '../../../shared/policy-documents.ts';
import { negotiateLanguage } from '../../language.ts';
import { requireCustomer } from '../../plugins/sessions.ts';

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Action = Type.Enum(consentActions);
const Channel = Type.Enum(consentChannels);

const PurposeConsent = Type.Object({
  purpose: Type.Enum(managedPurposes),
  group: Type.Enum(purposeGroupNames),
  essential: Type.Boolean(),
  text: Type.String(),
  version: Type.Integer(),
  textHash: Type.String(),
  withdrawalEffect: Nullable(Type.String()),
  granted: Nullable(Type.Boolean()),
  decidedAt: Nullable(Timestamp),
  decidedVersion: Nullable(Type.Integer()),
  decidedTextHash: Nullable(Type.String()),
  decidedChannel: Nullable(Channel),
});
const DocumentConsent = Type.Object({
  document: Type.Enum(documentKinds),
  title: Type.String(),
  action: Action,
  version: Nullable(Type.Integer()),
  textHash: Nullable(Type.String()),
  at: Timestamp,
  channel: Channel,
});
const HistoryEntry = Type.Object({
  id: Type.String(),
  matter: Type.String(),
  label: Type.String(),
  action: Action,
  channel: Channel,
  version: Nullable(Type.Integer()),
  textHash: Type.String(),
  actedBy: Nullable(Type.String()),
  at: Timestamp,
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** 授权管理: the signed-in customer's consents, each granted or withdrawn in one click (R-RGT-4, R-USE-2). */
/** Withdrawing the consent for sensitive PI erases the ID document kept on 个人信息 under it. */
const withdrawalEffects: WithdrawalEffects = {
  sensitive_pi: (tx, ctx, customerId) => eraseIdDocument(tx, ctx, { customerId, channel: 'web' }),
};

export const consentRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;

  fastify.get(
    '/api/site/consents',
    {
      schema: {
        tags: ['site'],
        summary: 'My consents: every purpose with the current answer and the wording it was given to, documents accepted, and the history of decisions',
        response: { 200: Type.Object({ purposes: Type.Array(PurposeConsent), documents: Type.Array(DocumentConsent), history: Type.Array(HistoryEntry) }) },
      },
    },
    async (request, reply) => {
      requireCustomer(request);
      reply.header('cache-control', 'no-store');
      const mine = await listMyConsents(request.ctx('account'), negotiateLanguage(request.headers['accept-language']), db());
      return {
        purposes: mine.purposes.map((purpose) => ({ ...purpose, decidedAt: iso(purpose.decidedAt) })),
        documents: mine.documents.map((document) => ({ ...document, at: document.at.toISOString() })),
        history: mine.history.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
      };
    },
  );

  fastify.post(
    '/api/site/consents/:purpose',
    {
      schema: {
        tags: ['site'],
        summary: 'Grant or withdraw one purpose consent; takes effect at once for every process that checks it',
        params: Type.Object({ purpose: Type.Enum(managedPurposes) }),
        body: Type.Object({ decision: Type.Union([Type.Literal('grant'), Type.Literal('withdraw')]), version: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Object({ purpose: Type.String(), granted: Type.Boolean(), changed: Type.Boolean() }) },
      },
    },
    async (request) => {
      requireCustomer(request);
      const language = negotiateLanguage(request.headers['accept-language']);
      return decidePurposeConsent(request.ctx('account'), { purpose: request.params.purpose, ...request.body }, language, db(), withdrawalEffects);
    },
  );
};
