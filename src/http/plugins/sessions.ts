import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/load-config.ts';
import { AppError } from '../../errors/app-error.ts';
import { resolveSession, type SessionRecord } from '../../modules/accounts/sessions/manage-sessions.ts';
import { sessionPolicy } from '../../modules/accounts/sessions/session-policy.ts';
import { loadStaffActor } from '../../modules/staff/load-staff-actor.ts';
import type { Actor, Ctx, Purpose } from '../../privacy/access/context.ts';

export const CUSTOMER_COOKIE = 'bt_sid';
export const STAFF_COOKIE = 'bt_staff';
const STAFF_COOKIE_PATH = '/api/console';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionRecord | null;
    actor: Actor;
    /** The access context of this request for a use case: who (from the session) and for what purpose. */
    ctx(purpose: Purpose, reason?: string): Ctx;
  }
}

/**
 * Server-side sessions from cookies: customers and guests on `bt_sid` (whole site), staff on
 * `bt_staff` (only sent to /api/console, SameSite=Strict, ends with the browser). Every request gets
 * an actor — anonymous when there is no live session — so a use case can never run without one.
 */
export function registerSessions(fastify: FastifyInstance, config: Config): void {
  fastify.decorateRequest<SessionRecord | null>('session', null);
  fastify.decorateRequest<Actor | null>('actor', null);
  fastify.decorateRequest('ctx', function ctx(this: FastifyRequest, purpose: Purpose, reason?: string): Ctx {
    return { actor: this.actor, purpose, ...(reason === undefined ? {} : { reason }), requestId: String(this.id), ip: this.ip };
  });

  fastify.addHook('onRequest', async (request) => {
    request.actor = { type: 'anonymous' };
    if (!request.url.startsWith('/api/')) return;
    const { db } = fastify.services.database;
    const isConsole = request.url.startsWith(STAFF_COOKIE_PATH);
    const token = request.cookies[isConsole ? STAFF_COOKIE : CUSTOMER_COOKIE];
    if (!token) return;
    const session = await resolveSession(db, token, isConsole ? 'staff' : 'customer');
    if (!session) return;
    if (session.kind === 'staff') {
      const staff = await loadStaffActor(db, session.subjectId);
      if (!staff) return;
      request.actor = staff;
    } else {
      request.actor = session.kind === 'guest' ? { type: 'guest', id: session.subjectId } : { type: 'customer', id: session.subjectId };
    }
    request.session = session;
  });

  fastify.decorate('sessionCookies', {
    setCustomer(reply: FastifyReply, token: string) {
      reply.setCookie(CUSTOMER_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.server.isHttps, maxAge: sessionPolicy.customer.absoluteSeconds });
    },
    setStaff(reply: FastifyReply, token: string) {
      reply.setCookie(STAFF_COOKIE, token, { path: STAFF_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: config.server.isHttps });
    },
    clearCustomer(reply: FastifyReply) {
      reply.clearCookie(CUSTOMER_COOKIE, { path: '/' });
    },
    clearStaff(reply: FastifyReply) {
      reply.clearCookie(STAFF_COOKIE, { path: STAFF_COOKIE_PATH });
    },
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    sessionCookies: {
      setCustomer(reply: FastifyReply, token: string): void;
      setStaff(reply: FastifyReply, token: string): void;
      clearCustomer(reply: FastifyReply): void;
      clearStaff(reply: FastifyReply): void;
    };
  }
}

/** For routes that need a signed-in customer (not a guest). */
export function requireCustomer(request: FastifyRequest): { customerId: string; sessionId: string } {
  if (request.actor.type !== 'customer' || !request.session) throw new AppError('unauthorized', 'Customer session required');
  return { customerId: request.actor.id, sessionId: request.session.id };
}
