import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/load-config.ts';
import { AppError } from '../../errors/app-error.ts';

export const CSRF_COOKIE = 'bt_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PARTNER_PREFIX = '/api/partner/';

/**
 * CSRF protection for every state-changing API request, two ways (OWASP): the Origin, when the
 * browser sends one, must be this site; and the X-CSRF-Token header must equal the bt_csrf cookie
 * (double submit: another site can neither read our cookie nor, without CORS, set custom headers).
 * The token is rotated at every sign-in and sign-out. Partner addresses (/api/partner/) are exempt:
 * nothing there acts on a browser's session, and each route verifies its partner's signature.
 */
export function registerCsrf(fastify: FastifyInstance, config: Config): void {
  const publicHost = new URL(config.server.publicUrl).host;
  fastify.addHook('preHandler', async (request) => {
    if (!unsafeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
    // Partners' server-to-server calls carry no cookies to forge; their signatures are checked instead.
    // The matched route, not the address as sent: no spelling of a path can borrow the exemption.
    if (request.routeOptions.url?.startsWith(PARTNER_PREFIX)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !isSameSite(origin, request.host, publicHost)) throw new AppError('csrf_failed', 'Cross-site request refused');
    const cookie = request.cookies[CSRF_COOKIE];
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== 'string' || !equal(cookie, header)) throw new AppError('csrf_failed', 'Missing or wrong CSRF token');
  });
}

/** Returns the request's CSRF token, issuing a cookie when there is none yet. */
export function ensureCsrfToken(request: FastifyRequest, reply: FastifyReply, config: Config): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  return rotateCsrfToken(reply, config);
}

export function rotateCsrfToken(reply: FastifyReply, config: Config): string {
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: false, sameSite: 'strict', secure: config.server.isHttps });
  return token;
}

function isSameSite(origin: string, requestHost: string, publicHost: string): boolean {
  if (!URL.canParse(origin)) return false;
  const host = new URL(origin).host;
  return host === requestHost || host === publicHost;
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
