import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors/app-error.ts';
import { getAccountOverview } from '../../../modules/accounts/get-account-overview.ts';
import { listActiveSessions, revokeAllSessions, revokeSession } from '../../../modules/accounts/sessions/manage-sessions.ts';
import { setCustomerPassword } from '../../../modules/accounts/set-password.ts';
import { listMyDisclosures } from '../../../privacy/disclosures/list-my-disclosures.ts';
import { rotateCsrfToken } from '../../plugins/csrf.ts';
import { requireCustomer } from '../../plugins/sessions.ts';

const Session = Type.Object({
  id: Type.String(),
  device: Type.String(),
  network: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  isCurrent: Type.Boolean(),
});

/** Account security of the signed-in customer: overview, password, active sessions (R-ACC-3, R-ACC-5). */
export const accountRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const deps = () => ({ db: fastify.services.database.db, keyring: fastify.services.keyring });

  fastify.get(
    '/api/site/account',
    {
      schema: {
        tags: ['site'],
        summary: 'Account security overview',
        response: {
          200: Type.Object({
            customerId: Type.String(),
            phoneMasked: Type.String(),
            hasPassword: Type.Boolean(),
            passwordSetAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
            createdAt: Type.String({ format: 'date-time' }),
          }),
        },
      },
    },
    async (request, reply) => {
      requireCustomer(request);
      reply.header('cache-control', 'no-store');
      const overview = await getAccountOverview(request.ctx('account'), deps());
      return { ...overview, passwordSetAt: overview.passwordSetAt?.toISOString() ?? null, createdAt: overview.createdAt.toISOString() };
    },
  );

  fastify.put(
    '/api/site/account/password',
    {
      schema: {
        tags: ['site'],
        summary: 'Set or change the optional password',
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      requireCustomer(request);
      await setCustomerPassword(request.ctx('account'), request.body, deps());
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/api/site/account/sessions',
    { schema: { tags: ['site'], summary: 'Active sessions: device, network, last seen', response: { 200: Type.Array(Session) } } },
    async (request, reply) => {
      const { customerId, sessionId } = requireCustomer(request);
      reply.header('cache-control', 'no-store');
      const active = await listActiveSessions(fastify.services.database.db, customerId, sessionId);
      return active.map((session) => ({ ...session, createdAt: session.createdAt.toISOString(), lastSeenAt: session.lastSeenAt.toISOString() }));
    },
  );

  fastify.post(
    '/api/site/account/sessions/:sessionId/revoke',
    { schema: { tags: ['site'], summary: 'Sign out one session', params: Type.Object({ sessionId: Type.String({ pattern: '^ses_[0-9a-z]{26}$' }) }), response: { 204: Type.Null() } } },
    async (request, reply) => {
      const { customerId, sessionId } = requireCustomer(request);
      const revoked = await revokeSession(fastify.services.database.db, customerId, request.params.sessionId);
      if (!revoked) throw new AppError('not_found', 'No such active session of this customer');
      if (request.params.sessionId === sessionId) fastify.sessionCookies.clearCustomer(reply);
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/api/site/account/disclosures',
    {
      schema: {
        tags: ['site'],
        summary: 'Who received my data: every disclosure to a third party about me (R-SHR-2)',
        response: {
          200: Type.Array(
            Type.Object({ at: Type.String({ format: 'date-time' }), recipientName: Type.String(), recipientType: Type.String(), fields: Type.Array(Type.String()), purpose: Type.String(), basis: Type.String() }),
          ),
        },
      },
    },
    async (request, reply) => {
      requireCustomer(request);
      reply.header('cache-control', 'no-store');
      const entries = await listMyDisclosures(request.ctx('account'), deps());
      return entries.map((entry) => ({ ...entry, at: entry.at.toISOString() }));
    },
  );

  fastify.post(
    '/api/site/account/sign-out-everywhere',
    { schema: { tags: ['site'], summary: 'Sign out every session, this one included', response: { 200: Type.Object({ revoked: Type.Integer(), csrfToken: Type.String() }) } } },
    async (request, reply) => {
      const { customerId } = requireCustomer(request);
      const revoked = await revokeAllSessions(fastify.services.database.db, customerId);
      fastify.sessionCookies.clearCustomer(reply);
      return { revoked, csrfToken: rotateCsrfToken(reply, fastify.services.config) };
    },
  );
};
