import type { JobDefinition } from '../../jobs/job-definition.ts';
import { systemCtx } from '../access/context.ts';
import { runRetentionSweep } from './run-retention-sweep.ts';

/**
 * Every night at 02:40 Beijing time — and when the PI-protection officer asks from the console, with
 * the task id the console then follows — remove what is past its retention and log the counts.
 */
export const retentionSweepJob: JobDefinition = {
  name: 'privacy.retention-sweep',
  schedule: '40 2 * * *',
  async handler(data, { database, logger }) {
    const taskId = typeof data.taskId === 'string' ? data.taskId : undefined;
    const { reports } = await runRetentionSweep(systemCtx('privacy.retention-sweep', 'legal_obligation'), database.db, { dryRun: false, taskId });
    logger.info({ reports }, 'retention sweep finished');
  },
};
