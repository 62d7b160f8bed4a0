import type { JobDefinition } from '../../jobs/job-definition.ts';
import { isAppError } from '../../errors/app-error.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { expireUnpaidOrders } from './expire-unpaid-orders.ts';

export const EXPIRE_UNPAID_ORDERS_JOB = 'payments.expire-unpaid-orders';

/** Every minute: unpaid orders past their time lapse and their payments are closed (R-POL-8). Counts only in the log. */
export const expireUnpaidOrdersJob: JobDefinition = {
  name: EXPIRE_UNPAID_ORDERS_JOB,
  schedule: '* * * * *',
  retryLimit: 1,
  async handler(_data, { database, logger, purchase, enqueue }) {
    const counts = await expireUnpaidOrders(systemCtx(EXPIRE_UNPAID_ORDERS_JOB, 'purchase'), {
      db: database.db,
      provider: purchase?.payment ?? null,
      enqueue,
      onError: (orderId, error) => logger.warn({ orderId, code: isAppError(error) ? error.code : 'internal', err: error }, 'unpaid order not expired this time'),
    });
    if (counts.expired + counts.paidMeanwhile + counts.failed > 0) logger.info(counts, 'unpaid orders expired');
  },
};
