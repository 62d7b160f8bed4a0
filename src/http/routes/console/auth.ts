import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { endSession } from '../../../modules/accounts/sessions/manage-sessions.ts';
import { checkStaffPassword, completeStaffSignIn } from '../../../modules/staff/sign-in-staff.ts';
import { rotateCsrfToken } from '../../plugins/csrf.ts';

/** Staff sign-in in two steps — password, then TOTP (enrolled with a QR code the first time) — and sign-out. */
export const consoleAuthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const deps = () => ({ db: fastify.services.database.db, keyring: fastify.services.keyring });

  fastify.post(
    '/api/console/auth/password',
    {
      schema: {
        tags: ['console'],
        summary: 'Staff sign-in step 1: username and password',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: {
          200: Type.Union([
            Type.Object({ step: Type.Literal('totp'), stepToken: Type.String() }),
            Type.Object({ step: Type.Literal('enroll'), stepToken: Type.String(), otpauthUri: Type.String(), qrDataUrl: Type.String(), secret: Type.String() }),
          ]),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return checkStaffPassword(request.ctx('security'), request.body, deps());
    },
  );

  fastify.post(
    '/api/console/auth/totp',
    {
      schema: {
        tags: ['console'],
        summary: 'Staff sign-in step 2: the 6-digit code of the authenticator app',
        body: Type.Object({ stepToken: Type.String({ minLength: 10, maxLength: 2000 }), code: Type.String({ pattern: '^\\d{6}$' }) }),
        response: { 200: Type.Object({ staffId: Type.String(), csrfToken: Type.String() }) },
      },
    },
    async (request, reply) => {
      const origin = { userAgent: request.headers['user-agent'], ip: request.ip };
      const { staffId, sessionToken } = await completeStaffSignIn(request.ctx('security'), request.body, origin, deps());
      if (request.session?.kind === 'staff') await endSession(fastify.services.database.db, request.session.id);
      fastify.sessionCookies.setStaff(reply, sessionToken);
      return { staffId, csrfToken: rotateCsrfToken(reply, fastify.services.config) };
    },
  );

  fastify.post(
    '/api/console/auth/sign-out',
    { schema: { tags: ['console'], summary: 'End the staff session', response: { 200: Type.Object({ csrfToken: Type.String() }) } } },
    async (request, reply) => {
      if (request.session?.kind === 'staff') await endSession(fastify.services.database.db, request.session.id);
      fastify.sessionCookies.clearStaff(reply);
      return { csrfToken: rotateCsrfToken(reply, fastify.services.config) };
    },
  );
};
