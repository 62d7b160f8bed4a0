import { isAppError } from '../../errors/app-error.ts';
import type { JobDefinition } from '../../jobs/job-definition.ts';
import { settleRefunds } from './settle-refunds.ts';

export const SETTLE_REFUNDS_JOB = 'payments.settle-refunds';

/**
 * Every minute: refunds the provider answered `pending` are asked about again, and refunds left
 * `requested` are sent again (R-POL-8). A refund the provider gave up on is a warning for staff:
 * the customer's money did not go back. Counts only in the log.
 */
export const settleRefundsJob: JobDefinition = {
  name: SETTLE_REFUNDS_JOB,
  schedule: '* * * * *',
  retryLimit: 1,
  async handler(_data, { database, logger, purchase }) {
    const counts = await settleRefunds({
      db: database.db,
      provider: purchase?.payment ?? null,
      onError: (refundId, error) => logger.warn({ refundId, code: isAppError(error) ? error.code : 'internal', err: error }, 'refund not followed up this time'),
    });
    if (counts.failed > 0) logger.warn(counts, 'refunds failed at the provider: the money did not go back, staff must act');
    else if (counts.succeeded + counts.errors > 0) logger.info(counts, 'refunds followed up');
  },
};
