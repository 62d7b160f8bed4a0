import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/app-error.ts';

// The only console addresses open without a staff session: signing in, and asking who is signed in.
const openConsolePaths = /^\/api\/console\/(auth\/|session(\?|$))/;

/**
 * Every other /api/console address needs a staff session — checked once here for the whole tree,
 * before any route runs, so a new console route cannot forget it. Customer sessions never count.
 */
export function registerConsoleGuard(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/console/') || openConsolePaths.test(request.url)) return;
    if (request.actor.type !== 'staff') throw new AppError('unauthorized', 'Staff session required');
  });
}
