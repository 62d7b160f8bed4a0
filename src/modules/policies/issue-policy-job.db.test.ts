import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { captureLog } from '../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { startJobs, type Jobs } from '../../jobs/start-jobs.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { ephemeralKeyring } from '../../privacy/crypto/keyring.ts';
import { orders } from '../orders/schema.ts';
import { domesticApplication, guestCtx, paidOrder, startIssuanceWorld, type IssuanceWorld } from './issuance-test-fixtures.ts';
import { issuePolicyJob } from './issue-policy-job.ts';
import { reissuePaidOrders } from './reissue-paid-orders.ts';
import { reissuePaidOrdersJob } from './reissue-paid-orders-job.ts';
import { requestIssuance } from './request-issuance.ts';

let database: TestDatabase;
let world: IssuanceWorld;
let jobs: Jobs;

beforeAll(async () => {
  database = await createTestDatabase();
  const keyring = ephemeralKeyring();
  world = await startIssuanceWorld(database.db, keyring, { failureRate: 0.3 });
  jobs = await startJobs({ database, logger: createLogger('warn', captureLog().stream), keyring, purchase: world.purchase, runWorkers: true, definitions: [issuePolicyJob, reissuePaidOrdersJob] });
});

afterAll(async () => {
  await jobs?.stop();
  await world?.close();
  await database?.close();
});

async function statusOf(orderId: string): Promise<string | undefined> {
  const [row] = await database.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return row?.status;
}

describe('issuance as background jobs', () => {
  it('R-POL-9 a paid order queued for issuance is issued by the job while the insurer fails 30 % of calls', { timeout: 90_000 }, async () => {
    const orderId = await paidOrder(world, guestCtx(), domesticApplication(buildPersonPi(), buildPersonPi()));
    await requestIssuance(jobs.send, orderId);
    await expect.poll(() => statusOf(orderId), { timeout: 60_000, interval: 250 }).toBe('issued');
  });

  it('R-POL-9 the reconciling job queues a waiting order at most once per slot', async () => {
    const orderId = await paidOrder(world, guestCtx(), domesticApplication(buildPersonPi(), buildPersonPi()));
    await database.db.update(orders).set({ paidAt: new Date(Date.now() - 5 * 60_000) }).where(eq(orders.id, orderId));
    const queued: string[] = [];
    const send: typeof jobs.send = async (name, data, options) => {
      const id = await jobs.send(name, data, options);
      if (id && data?.orderId === orderId) queued.push(id);
      return id;
    };
    await reissuePaidOrders(database.db, send);
    await reissuePaidOrders(database.db, send);
    expect(queued).toHaveLength(1);
    await expect.poll(() => statusOf(orderId), { timeout: 60_000, interval: 250 }).toBe('issued');
  });
});
