import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestSignInCode } from '../../../modules/accounts/request-sign-in-code.ts';
import { endSession } from '../../../modules/accounts/sessions/manage-sessions.ts';
import { createSession } from '../../../modules/accounts/sessions/manage-sessions.ts';
import { newId } from '../../../shared/ids.ts';
import { signInWithPassword } from '../../../modules/accounts/sign-in-with-password.ts';
import { verifySignInCode } from '../../../modules/accounts/verify-sign-in-code.ts';
import { rotateCsrfToken } from '../../plugins/csrf.ts';

const Phone = Type.String({ minLength: 5, maxLength: 32, description: 'Mainland mobile number, any common format' });
const SignedIn = Type.Object({ customerId: Type.String(), isNewAccount: Type.Boolean(), csrfToken: Type.String() });

/** Customer sign-in: SMS code (registers on first use), optional password, guest sessions, sign-out. */
export const authRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { config } = fastify.services;
  const origin = (request: { headers: Record<string, unknown>; ip: string }) => ({ userAgent: request.headers['user-agent'] as string | undefined, ip: request.ip });

  fastify.post(
    '/api/site/auth/code',
    {
      schema: {
        tags: ['site'],
        summary: 'Send a 6-digit sign-in code by SMS',
        body: Type.Object({ phone: Phone }),
        response: { 200: Type.Object({ expiresInSeconds: Type.Integer(), resendAfterSeconds: Type.Integer(), demoCode: Type.Optional(Type.String()) }) },
      },
    },
    async (request) => {
      const { database, keyring, sms } = fastify.services;
      return requestSignInCode(request.ctx('account'), request.body, { db: database.db, keyring, sms });
    },
  );

  fastify.post(
    '/api/site/auth/sign-in',
    {
      schema: {
        tags: ['site'],
        summary: 'Sign in (or register) with the SMS code',
        body: Type.Object({ phone: Phone, code: Type.String({ pattern: '^\\d{6}$' }) }),
        response: { 200: SignedIn },
      },
    },
    async (request, reply) => {
      const { database, keyring } = fastify.services;
      const signedIn = await verifySignInCode(
        request.ctx('account'),
        { ...request.body, ...(request.session ? { replacesSessionId: request.session.id } : {}) },
        origin(request),
        { db: database.db, keyring },
      );
      fastify.sessionCookies.setCustomer(reply, signedIn.sessionToken);
      return { customerId: signedIn.customerId, isNewAccount: signedIn.isNewAccount, csrfToken: rotateCsrfToken(reply, config) };
    },
  );

  fastify.post(
    '/api/site/auth/password-sign-in',
    {
      schema: {
        tags: ['site'],
        summary: 'Sign in with phone and password (for customers who set one)',
        body: Type.Object({ phone: Phone, password: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: SignedIn },
      },
    },
    async (request, reply) => {
      const { database, keyring } = fastify.services;
      const signedIn = await signInWithPassword(
        request.ctx('account'),
        { ...request.body, ...(request.session ? { replacesSessionId: request.session.id } : {}) },
        origin(request),
        { db: database.db, keyring },
      );
      fastify.sessionCookies.setCustomer(reply, signedIn.sessionToken);
      return { customerId: signedIn.customerId, isNewAccount: false, csrfToken: rotateCsrfToken(reply, config) };
    },
  );

  fastify.post(
    '/api/site/auth/guest',
    {
      schema: {
        tags: ['site'],
        summary: 'Start a guest session: everything a purchase needs, without an account (R-ACC-2)',
        response: { 200: Type.Object({ guestId: Type.String(), csrfToken: Type.String() }) },
      },
    },
    async (request, reply) => {
      if (request.actor.type === 'guest' || request.actor.type === 'customer') {
        return { guestId: request.actor.id, csrfToken: rotateCsrfToken(reply, config) };
      }
      const guestId = newId('gst');
      const { token } = await createSession(fastify.services.database.db, 'guest', guestId, origin(request));
      fastify.sessionCookies.setCustomer(reply, token);
      return { guestId, csrfToken: rotateCsrfToken(reply, config) };
    },
  );

  fastify.post(
    '/api/site/auth/sign-out',
    { schema: { tags: ['site'], summary: 'End this session', response: { 200: Type.Object({ csrfToken: Type.String() }) } } },
    async (request, reply) => {
      if (request.session) await endSession(fastify.services.database.db, request.session.id);
      fastify.sessionCookies.clearCustomer(reply);
      return { csrfToken: rotateCsrfToken(reply, config) };
    },
  );
};
