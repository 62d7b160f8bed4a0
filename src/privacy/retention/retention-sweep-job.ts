import type { JobDefinition } from '../../jobs/job-definition.ts';
import { systemCtx } from '../access/context.ts';
import { sweepRetention } from './sweep-retention.ts';

/** Every night at 02:40 Beijing time, remove what is past its retention and log the counts. */
export const retentionSweepJob: JobDefinition = {
  name: 'privacy.retention-sweep',
  schedule: '40 2 * * *',
  async handler(_data, { database, logger }) {
    const reports = await sweepRetention(systemCtx('privacy.retention-sweep', 'legal_obligation'), database.db, { dryRun: false });
    logger.info({ reports }, 'retention sweep finished');
  },
};
