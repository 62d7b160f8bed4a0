import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { consentOfChannel } from '../../../shared/marketing.ts';
import { listMyMessages, markMyMessagesRead } from '../../../modules/marketing/my-messages.ts';
import { unsubscribeWithToken } from '../../../modules/marketing/unsubscribe.ts';
import { negotiateLanguage } from '../../language.ts';
import { requireCustomer } from '../../plugins/sessions.ts';

/**
 * The receiving end of marketing (R-USE-2): the one-click unsubscribe of SMS and e-mail links, which
 * works signed out (the token travels in the body, never in an API address), and the signed-in
 * customer's in-app marketing messages.
 */
export const marketingRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;

  fastify.post(
    '/api/site/unsubscribe',
    {
      schema: {
        tags: ['site'],
        summary: 'One-click unsubscribe with the token of a marketing message’s link; no sign-in needed',
        body: Type.Object({ token: Type.String({ maxLength: 100 }) }),
        response: {
          200: Type.Object({ purpose: Type.Enum(Object.values(consentOfChannel)), outcome: Type.Union([Type.Literal('withdrawn'), Type.Literal('already_withdrawn')]) }),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return unsubscribeWithToken(request.ctx('marketing'), request.body.token, negotiateLanguage(request.headers['accept-language']), db());
    },
  );

  fastify.get(
    '/api/site/messages',
    {
      schema: {
        tags: ['site'],
        summary: 'My in-app marketing messages, newest first',
        response: { 200: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), text: Type.String(), at: Type.String({ format: 'date-time' }), isRead: Type.Boolean() })) },
      },
    },
    async (request, reply) => {
      requireCustomer(request);
      reply.header('cache-control', 'no-store');
      const messages = await listMyMessages(request.ctx('marketing'), negotiateLanguage(request.headers['accept-language']), db());
      return messages.map((message) => ({ ...message, at: message.at.toISOString() }));
    },
  );

  fastify.post(
    '/api/site/messages/read',
    { schema: { tags: ['site'], summary: 'Mark all my in-app messages read', response: { 200: Type.Object({ marked: Type.Integer() }) } } },
    async (request) => {
      requireCustomer(request);
      return { marked: await markMyMessagesRead(request.ctx('marketing'), db()) };
    },
  );
};
