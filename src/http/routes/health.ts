import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { migrationStatus } from '../../db/migrate.ts';
import { version } from '../../shared/version.ts';

const CheckStatus = Type.Union([Type.Literal('ok'), Type.Literal('error')]);
const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  checks: Type.Object({
    database: Type.Object({ status: CheckStatus, kind: Type.String() }),
    migrations: Type.Object({ status: CheckStatus, applied: Type.Integer(), expected: Type.Integer() }),
    jobs: Type.Object({ status: CheckStatus }),
  }),
});

/** Liveness (the process answers) and readiness (it can serve: database reachable, schema current). */
export const healthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const startedAt = Date.now();

  fastify.get(
    '/healthz',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process is up',
        response: { 200: Type.Object({ status: Type.Literal('ok'), version: Type.String(), uptimeSeconds: Type.Integer() }) },
      },
    },
    async () => ({ status: 'ok' as const, version, uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000) }),
  );

  fastify.get(
    '/readyz',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: database reachable, migrations current, jobs running',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (request, reply) => {
      const { database, jobs, config } = fastify.services;
      const migrations = await migrationStatus(database).catch((error: unknown) => {
        request.log.warn({ err: error }, 'readiness check could not read migrations');
        return null;
      });
      const jobsOk = !config.jobs.enabled || jobs?.isRunning() === true;
      const isReady = migrations !== null && migrations.isCurrent && jobsOk;
      return reply.code(isReady ? 200 : 503).send({
        status: isReady ? 'ready' : 'not_ready',
        checks: {
          database: { status: migrations === null ? 'error' : 'ok', kind: database.kind },
          migrations: {
            status: migrations?.isCurrent ? 'ok' : 'error',
            applied: migrations?.applied ?? 0,
            expected: migrations?.expected ?? 0,
          },
          jobs: { status: jobsOk ? 'ok' : 'error' },
        },
      });
    },
  );
};
