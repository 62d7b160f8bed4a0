import type { JobDefinition } from '../../jobs/job-definition.ts';
import { checkpointAudit } from './checkpoint-audit.ts';

/** Every 10 minutes: a signed snapshot of the audit chains' heads. */
export const auditCheckpointJob: JobDefinition = {
  name: 'privacy.audit-checkpoint',
  schedule: '*/10 * * * *',
  retryLimit: 2,
  async handler(_data, { database, logger, keyring }) {
    const { id, heads } = await checkpointAudit(database.db, keyring);
    logger.info({ checkpoint: id, chains: Object.keys(heads).length }, 'audit checkpoint written');
  },
};
