import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error.ts';
import { ageStandingOf } from '../../modules/minors/age-standing.ts';

/**
 * What a child's account may still change before a guardian has consented (R-MIN-1): the guardian
 * flow itself, signing in and out, ending sessions, withdrawing consents and deciding on notices and
 * cookies. Every read stays open (the right to see one's data); everything else waits. Deletion and
 * closure, when they arrive, belong on this list.
 */
const allowedWhileAwaitingGuardian = [
  /^\/api\/site\/account\/(age|guardian)(\/|$)/,
  /^\/api\/site\/auth\//,
  /^\/api\/site\/account\/sessions\//,
  /^\/api\/site\/account\/sign-out-everywhere$/,
  /^\/api\/site\/consents(\/|$)/,
  /^\/api\/site\/cookie-consent$/,
  /^\/api\/site\/documents\/notices\//,
  /^\/api\/site\/unsubscribe$/,
  /^\/api\/site\/messages\/read$/,
];

function isReadOnly(request: FastifyRequest): boolean {
  return request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
}

/**
 * Refuses state-changing customer requests of an account whose holder said they are under 14 (or
 * whose ID number says so) while no guardian consent is in force. Checked on the server for every
 * route, so no page or future route can forget it.
 */
export function registerGuardianGuard(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', async (request) => {
    if (request.actor.type !== 'customer' || isReadOnly(request) || !request.url.startsWith('/api/site/')) return;
    const path = request.url.split('?')[0] ?? '';
    if (allowedWhileAwaitingGuardian.some((pattern) => pattern.test(path))) return;
    const { db } = fastify.services.database;
    const standing = await ageStandingOf(request.ctx('legal_obligation'), { db, keyring: fastify.services.keyring }, request.actor.id);
    if (standing === 'child_awaiting_guardian') throw new AppError('guardian_consent_required', 'Child account without guardian consent');
  });
}
