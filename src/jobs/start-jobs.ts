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

  for (const definition of definitions) {
    await boss.createQueue(definition.name, { name: definition.name, retryLimit: definition.retryLimit ?? 5, retryBackoff: true });
    if (!runWorkers) continue;
    await boss.work(definition.name, async ([job]) => {
      if (!job) return;
      const log = logger.child({ job: definition.name, jobId: job.id });
      const enqueue = (name: string, data: Record<string, unknown>, options: { singletonKey?: string; singletonSeconds?: number } = {}) => boss.send(name, data, options);
      await definition.handler((job.data ?? {}) as Record<string, unknown>, { database, logger: log, keyring, outbound: outbound ?? null, purchase: purchase ?? null, enqueue });
    });
    if (definition.schedule) await boss.schedule(definition.name, definition.schedule, {}, { tz: 'Asia/Shanghai' });
  }

  return {
    boss,
    send: (name, data = {}, options = {}) => boss.send(name, data, options),
    isRunning: () => isRunning,
    async stop() {
      if (!isRunning) return;
      isRunning = false;
      // close: false — the database handle is ours and closes after the jobs have stopped.
      await boss.stop({ graceful: true, close: false, timeout: 10_000, wait: true });
    },
  };
}
