import { isAppError } from '../../errors/app-error.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { completeDateChange } from './complete-date-change.ts';
import { COMPLETE_DATE_CHANGE_JOB } from './date-change-deps.ts';
import { sweepDateChanges } from './sweep-date-changes.ts';

export const SWEEP_DATE_CHANGES_JOB = 'date-changes.sweep';

/**
 * The insurer's endorsement of one paid change of dates (R-POL-10), queued after its extra premium
 * arrived. An unavailable insurer fails the run and the job system retries with growing pauses;
 * after that the sweep queues it again.
 */
export const completeDateChangeJob: JobDefinition = {
  name: COMPLETE_DATE_CHANGE_JOB,
  retryLimit: 10,
  // The payer waits on the page for the endorsement: found within half a second, several at once.
  worker: { batchSize: 10, pollingIntervalSeconds: 0.5 },
  async handler(data, { database, keyring, logger, purchase, enqueue }) {
    if (!purchase) throw new Error(`${COMPLETE_DATE_CHANGE_JOB} needs the purchase integrations (insurers and payment provider)`);
    const dateChangeId = typeof data.dateChangeId === 'string' ? data.dateChangeId : '';
    const change = await completeDateChange(systemCtx(COMPLETE_DATE_CHANGE_JOB, 'policy_service'), { db: database.db, keyring, purchase, enqueue }, dateChangeId);
    logger.info({ dateChangeId, status: change.status }, 'change of dates settled');
  },
};

/** Every minute: unpaid changes of dates lapse, lost endorsements are queued again. Counts only in the log. */
export const sweepDateChangesJob: JobDefinition = {
  name: SWEEP_DATE_CHANGES_JOB,
  schedule: '* * * * *',
  retryLimit: 1,
  async handler(_data, { database, logger, purchase, enqueue }) {
    const counts = await sweepDateChanges(systemCtx(SWEEP_DATE_CHANGES_JOB, 'policy_service'), {
      db: database.db,
      provider: purchase?.payment ?? null,
      enqueue,
      onError: (dateChangeId, error) => logger.warn({ dateChangeId, code: isAppError(error) ? error.code : 'internal', err: error }, 'change of dates not swept this time'),
    });
    if (counts.expired + counts.paidMeanwhile + counts.requeued + counts.failed > 0) logger.info(counts, 'changes of dates swept');
  },
};
