import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { purposes } from '../../../privacy/access/context.ts';
import { dataCategories } from '../../../privacy/catalogue/categories.ts';
import { listRecipients, saveRecipient, setRecipientStatus, type Recipient } from '../../../privacy/disclosures/manage-recipients.ts';
import { recipientTypes } from '../../../privacy/disclosures/schema.ts';

const DateOnly = Type.String({ format: 'date' });
const RecipientBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  type: Type.Enum(recipientTypes),
  integration: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z]+\\.[a-z0-9_-]+$' }), Type.Null()])),
  country: Type.String({ pattern: '^[A-Z]{2}$', default: 'CN' }),
  purposes: Type.Array(Type.Enum(purposes), { minItems: 1 }),
  categories: Type.Array(Type.Enum(Object.keys(dataCategories) as Array<keyof typeof dataCategories>), { minItems: 1 }),
  agreementReference: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  agreementSignedOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
  agreementExpiresOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
});
const RecipientReply = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  integration: Type.Union([Type.String(), Type.Null()]),
  country: Type.String(),
  purposes: Type.Array(Type.String()),
  categories: Type.Array(Type.String()),
  agreementReference: Type.Union([Type.String(), Type.Null()]),
  agreementSignedOn: Type.Union([Type.String(), Type.Null()]),
  agreementExpiresOn: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
const present = (recipient: Recipient) => ({ ...recipient, createdAt: recipient.createdAt.toISOString() });

/** The registry of third parties (R-SHR-1): listed for compliance, auditors and administrators; kept by the PI-protection officer. */
export const consoleRecipientRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;

  fastify.get('/api/console/recipients', { schema: { tags: ['console'], summary: 'Third parties that may receive personal information', response: { 200: Type.Array(RecipientReply) } } }, async (request) =>
    (await listRecipients(request.ctx('legal_obligation'), db())).map(present),
  );

  fastify.post('/api/console/recipients', { schema: { tags: ['console'], summary: 'Register a third party and its agreement', body: RecipientBody, response: { 201: RecipientReply } } }, async (request, reply) =>
    reply.code(201).send(present(await saveRecipient(request.ctx('legal_obligation'), request.body, db()))),
  );

  fastify.put(
    '/api/console/recipients/:recipientId',
    { schema: { tags: ['console'], summary: 'Update a third party or its agreement', params: Type.Object({ recipientId: Type.String({ pattern: '^rcp_[0-9a-z]{26}$' }) }), body: RecipientBody, response: { 200: RecipientReply } } },
    async (request) => present(await saveRecipient(request.ctx('legal_obligation'), { ...request.body, id: request.params.recipientId }, db())),
  );

  fastify.post(
    '/api/console/recipients/:recipientId/status',
    {
      schema: {
        tags: ['console'],
        summary: 'Suspend a recipient (nothing more is sent to it) or reactivate it',
        params: Type.Object({ recipientId: Type.String({ pattern: '^rcp_[0-9a-z]{26}$' }) }),
        body: Type.Object({ status: Type.Union([Type.Literal('active'), Type.Literal('suspended')]) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await setRecipientStatus(request.ctx('legal_obligation'), { id: request.params.recipientId, status: request.body.status }, db());
      return reply.code(204).send(null);
    },
  );
};
