import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors/app-error.ts';
import { createTask, getTask } from '../../../jobs/tasks/track-task.ts';
import { authorizeStaff } from '../../../modules/staff/policies.ts';
import { listLegalHolds, placeLegalHold, releaseLegalHold, type LegalHold } from '../../../privacy/retention/manage-legal-holds.ts';
import { retentionSchedule } from '../../../privacy/retention/retention-schedule.ts';
import { RETENTION_SWEEP_TASK, runRetentionSweep } from '../../../privacy/retention/run-retention-sweep.ts';
import { legalHoldKinds } from '../../../privacy/retention/schema.ts';
import { sweepRules, type SweepReport } from '../../../privacy/retention/sweep-retention.ts';
import { retentionSweepJob } from '../../../privacy/retention/retention-sweep-job.ts';

const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
const HoldSchema = Type.Object({
  id: Type.String(),
  subjectId: Type.String(),
  recordTable: Type.Union([Type.String(), Type.Null()]),
  recordId: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Enum(legalHoldKinds),
  reference: Type.String(),
  retainUntil: NullableTimestamp,
  placedBy: Type.String(),
  placedAt: Timestamp,
  releasedBy: Type.Union([Type.String(), Type.Null()]),
  releasedAt: NullableTimestamp,
});
const Reason = Type.String({ maxLength: 500 });

function presentHold(hold: LegalHold) {
  return { ...hold, retainUntil: hold.retainUntil?.toISOString() ?? null, placedAt: hold.placedAt.toISOString(), releasedAt: hold.releasedAt?.toISOString() ?? null };
}

/**
 * The retention schedule and legal holds for the PI-protection officer (R-STO-1, R-STO-2): what is
 * due, what holds keep, placing and releasing holds with a reason, and running a sweep now with
 * progress. Person ids travel in bodies, not in URLs.
 */
export const consoleRetentionRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;

  fastify.get(
    '/api/console/retention/schedule',
    {
      schema: {
        tags: ['console'],
        summary: 'Retention schedule: per table, the rule, and the rows due or kept by holds now',
        response: {
          200: Type.Array(
            Type.Object({
              table: Type.String(),
              rule: Type.String(),
              ruleText: Type.Object({ zh: Type.String(), en: Type.String() }),
              action: Type.Enum(['delete', 'anonymise']),
              due: Type.Integer(),
              held: Type.Integer(),
            }),
          ),
        },
      },
    },
    async (request) => retentionSchedule(request.ctx('legal_obligation'), db()),
  );

  fastify.get(
    '/api/console/retention/holds',
    {
      schema: {
        tags: ['console'],
        summary: 'Legal holds, newest first (in force only unless includeReleased)',
        querystring: Type.Object({ includeReleased: Type.Boolean({ default: false }) }),
        response: { 200: Type.Array(HoldSchema) },
      },
    },
    async (request) => (await listLegalHolds(request.ctx('legal_obligation'), db(), { includeReleased: request.query.includeReleased })).map(presentHold),
  );

  fastify.post(
    '/api/console/retention/holds',
    {
      schema: {
        tags: ['console'],
        summary: 'Place a legal hold on a person (or one of their records), with a reason',
        body: Type.Object({
          subjectId: Type.String({ pattern: '^cus_[0-9a-z]{26}$' }),
          recordTable: Type.Optional(Type.String({ pattern: '^[a-z_]{1,63}$' })),
          recordId: Type.Optional(Type.String({ pattern: '^[a-z]+_[0-9a-z]{26}$' })),
          kind: Type.Enum(legalHoldKinds.filter((kind) => kind !== 'insurance_record')),
          reference: Type.String({ minLength: 2, maxLength: 100 }),
          retainUntil: Type.Optional(Type.String({ format: 'date-time' })),
          reason: Reason,
        }),
        response: { 201: HoldSchema },
      },
    },
    async (request, reply) => {
      const { reason, retainUntil, ...hold } = request.body;
      const placed = await placeLegalHold(request.ctx('legal_obligation', reason), db(), { ...hold, retainUntil: retainUntil ? new Date(retainUntil) : null });
      return reply.code(201).send(presentHold(placed));
    },
  );

  fastify.post(
    '/api/console/retention/holds/:holdId/release',
    {
      schema: {
        tags: ['console'],
        summary: 'Release a legal hold, with a reason',
        params: Type.Object({ holdId: Type.String({ pattern: '^hld_[0-9a-z]{26}$' }) }),
        body: Type.Object({ reason: Reason }),
        response: { 200: HoldSchema },
      },
    },
    async (request) => presentHold(await releaseLegalHold(request.ctx('legal_obligation', request.body.reason), db(), request.params.holdId)),
  );

  fastify.post(
    '/api/console/retention/sweeps',
    {
      schema: {
        tags: ['console'],
        summary: 'Run the retention sweep now; follow its progress at /api/console/retention/sweeps/{taskId}',
        response: { 202: Type.Object({ taskId: Type.String() }) },
      },
    },
    async (request, reply) => {
      const ctx = request.ctx('legal_obligation');
      authorizeStaff(ctx.actor, 'retention.sweep.run');
      const task = await createTask(db(), RETENTION_SWEEP_TASK, sweepRules.length);
      const jobs = fastify.services.jobs;
      // Without the job system (API-only processes, tests) the sweep runs in this request instead.
      if (jobs) await jobs.send(retentionSweepJob.name, { taskId: task.id });
      else await runRetentionSweep(ctx, db(), { dryRun: false, taskId: task.id });
      return reply.code(202).send({ taskId: task.id });
    },
  );

  fastify.get(
    '/api/console/retention/sweeps/:taskId',
    {
      schema: {
        tags: ['console'],
        summary: 'Progress and result of a retention sweep',
        params: Type.Object({ taskId: Type.String({ pattern: '^tsk_[0-9a-z]{26}$' }) }),
        response: {
          200: Type.Object({
            status: Type.String(),
            done: Type.Integer(),
            total: Type.Union([Type.Integer(), Type.Null()]),
            reports: Type.Array(Type.Object({ table: Type.String(), rule: Type.String(), action: Type.String(), removed: Type.Integer(), held: Type.Integer() })),
          }),
        },
      },
    },
    async (request) => {
      authorizeStaff(request.ctx('legal_obligation').actor, 'retention.read');
      const task = await getTask(db(), request.params.taskId);
      if (!task || task.kind !== RETENTION_SWEEP_TASK) throw new AppError('not_found', 'No such sweep');
      return { status: task.status, done: task.done, total: task.total, reports: task.note ? (JSON.parse(task.note) as SweepReport[]) : [] };
    },
  );
};
