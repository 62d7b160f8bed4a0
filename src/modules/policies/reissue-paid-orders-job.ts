import type { JobDefinition } from '../../jobs/job-definition.ts';
import { REISSUE_PAID_ORDERS_JOB, reissuePaidOrders } from './reissue-paid-orders.ts';

/** Every two minutes: paid orders still without a policy are queued for issuance again. */
export const reissuePaidOrdersJob: JobDefinition = {
  name: REISSUE_PAID_ORDERS_JOB,
  schedule: '*/2 * * * *',
  retryLimit: 0,
  async handler(_data, { database, logger, enqueue }) {
    const queued = await reissuePaidOrders(database.db, enqueue);
    if (queued > 0) logger.info({ queued }, 'paid orders queued for issuance again');
  },
};
