import { and, isNotNull, lt, sql } from 'drizzle-orm';
import type { JobDefinition } from '../job-definition.ts';
import { backgroundTasks } from './schema.ts';

/** Progress records are operational data: kept 30 days after the work ends, then removed. */
export const FINISHED_TASK_RETENTION_DAYS = 30;

export const pruneFinishedTasks: JobDefinition = {
  name: 'tasks.prune-finished',
  schedule: '17 3 * * *',
  async handler(_data, { database, logger }) {
    const removed = await database.db
      .delete(backgroundTasks)
      .where(
        and(
          isNotNull(backgroundTasks.finishedAt),
          lt(backgroundTasks.finishedAt, sql`now() - make_interval(days => ${FINISHED_TASK_RETENTION_DAYS})`),
        ),
      )
      .returning({ id: backgroundTasks.id });
    logger.info({ removed: removed.length }, 'pruned finished background tasks');
  },
};
