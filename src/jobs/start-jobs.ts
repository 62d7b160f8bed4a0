import PgBoss from 'pg-boss';
import type { Database } from '../db/types.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { Keyring } from '../privacy/crypto/keyring.ts';
import type { PurchaseIntegrations } from '../integrations/purchase-integrations.ts';
import type { JobDefinition, OutboundServices } from './job-definition.ts';
import { pgBossDb } from './pg-boss-adapter.ts';

export interface Jobs {
  boss: PgBoss;
  /** Queue a job by name; returns the job id, or null when an identical singleton is already queued. */
  send(name: string, data?: Record<string, unknown>, options?: PgBoss.SendOptions): Promise<string | null>;
  isRunning(): boolean;
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  database: Database;
  logger: Logger;
  keyring: Keyring;
  /** What jobs that send messages use; without it they refuse to run. */
  outbound?: OutboundServices;
  purchase?: PurchaseIntegrations | null;
  definitions: readonly JobDefinition[];
  /** Run workers and schedules here (false: this process only queues jobs). */
  runWorkers: boolean;
}

/** pg-boss on the application's own database (PostgreSQL or PGlite), in its own `pgboss` schema. */
export async function startJobs({ database, logger, keyring, outbound, purchase, definitions, runWorkers }: StartJobsOptions): Promise<Jobs> {
  const boss = new PgBoss({
    db: pgBossDb(database),
    schema: 'pgboss',
    supervise: runWorkers,
    schedule: runWorkers,
    // Completed and failed jobs may carry ids of records; keep them only as long as operations need.
    deleteAfterDays: 7,
  });
  let isRunning = false;
  boss.on('error', (error) => logger.error({ err: error }, 'job system error'));
  await boss.start();
  isRunning = true;

  // The worker of each queue this process runs, to wake when this process queues a job on it.
  const workerIds = new Map<string, string>();
  const send: Jobs['send'] = async (name, data = {}, options = {}) => {
    const id = await boss.send(name, data, options);
    // Without this a job queued here (issuance after a payment) waits out the worker's polling pause.
    const workerId = workerIds.get(name);
    if (id && workerId) boss.notifyWorker(workerId);
    return id;
  };

  const deps = { database, keyring, outbound: outbound ?? null, purchase: purchase ?? null, enqueue: send };
  for (const definition of definitions) {
    await boss.createQueue(definition.name, { name: definition.name, retryLimit: definition.retryLimit ?? 5, retryBackoff: true });
    if (!runWorkers) continue;
    // A copy: pg-boss writes its own fields into the options it is given.
    const workerId = await boss.work(definition.name, { ...definition.worker }, (batch) =>
      runEachJob(boss, definition.name, batch, (job) => definition.handler((job.data ?? {}) as Record<string, unknown>, { ...deps, logger: logger.child({ job: definition.name, jobId: job.id }) })),
    );
    workerIds.set(definition.name, workerId);
    if (definition.schedule) await boss.schedule(definition.name, definition.schedule, {}, { tz: 'Asia/Shanghai' });
  }

  return {
    boss,
    send,
    isRunning: () => isRunning,
    async stop() {
      if (!isRunning) return;
      isRunning = false;
      // close: false — the database handle is ours and closes after the jobs have stopped.
      await boss.stop({ graceful: true, close: false, timeout: 10_000, wait: true });
    },
  };
}

/**
 * Runs the jobs of one fetched batch side by side, each on its own: a job that throws is failed
 * alone (and retried with its backoff), the others are completed by pg-boss when this returns —
 * its completion touches only jobs still active. Failures are recorded once the whole batch has
 * settled: a job failed early could otherwise be fetched again after its backoff while a slower
 * job of the batch still runs, and the batch's completion would then mark that new run complete.
 * With every queue's backoff of at least a second, one query's time between the two is safe.
 */
async function runEachJob(boss: PgBoss, queue: string, batch: PgBoss.Job<unknown>[], run: (job: PgBoss.Job<unknown>) => Promise<void>): Promise<void> {
  const outcomes = await Promise.all(batch.map((job) => run(job).then(() => null, (error: unknown) => ({ job, error }))));
  for (const failed of outcomes) {
    if (failed) await boss.fail(queue, failed.job.id, failed.error instanceof Error ? failed.error : { message: String(failed.error) });
  }
}
