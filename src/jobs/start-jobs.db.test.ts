import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { captureLog } from '../../test/support/test-app.ts';
import { createLogger } from '../logging/create-logger.ts';
import { ephemeralKeyring } from '../privacy/crypto/keyring.ts';
import { startJobs, type Jobs } from './start-jobs.ts';
import { backgroundTasks } from './tasks/schema.ts';
import { createTask, finishTask, getTask, reportProgress } from './tasks/track-task.ts';
import { pruneFinishedTasks } from './tasks/prune-finished-tasks.ts';

let database: TestDatabase;
let jobs: Jobs;
const received: Array<Record<string, unknown>> = [];
// Runs of each key on the batched queue; the key 'flaky' throws on its first run.
const batchRuns = new Map<string, number>();

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({
    database,
    logger: createLogger('warn', captureLog().stream),
    keyring: ephemeralKeyring(),
    runWorkers: true,
    definitions: [
      { name: 'test.record', handler: async (data) => void received.push(data) },
      { name: 'test.batch', worker: { batchSize: 5, pollingIntervalSeconds: 0.5 }, handler: async (data) => recordBatchRun(String(data.key)) },
      // Polls once a minute: a job it runs sooner was woken by the send.
      { name: 'test.woken', worker: { pollingIntervalSeconds: 60 }, handler: async (data) => void received.push(data) },
      pruneFinishedTasks,
    ],
  });
});
afterAll(async () => {
  await jobs.stop();
  await database.close();
});

async function recordBatchRun(key: string): Promise<void> {
  const runs = (batchRuns.get(key) ?? 0) + 1;
  batchRuns.set(key, runs);
  if (key === 'flaky' && runs === 1) throw new Error('first run fails');
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('jobs on the application database', () => {
  it('a queued job is worked by a worker of the same process', async () => {
    const id = await jobs.send('test.record', { orderId: 'ord_1' });
    expect(id).toBeTruthy();
    await waitFor(() => received.some((data) => data.orderId === 'ord_1'));
  });

  it('the jobs of a batch are failed one by one: only the failing job runs again', async () => {
    const keys = ['flaky', 'steady-1', 'steady-2', 'steady-3'];
    const ids = keys.map(() => randomUUID());
    // One statement, no wake-up: the worker's next poll fetches them together.
    await jobs.boss.insert(keys.map((key, index) => ({ id: ids[index], name: 'test.batch', data: { key } })));
    await waitFor(async () => (await Promise.all(ids.map((id) => jobs.boss.getJobById('test.batch', id)))).every((job) => job?.state === 'completed'));
    expect(Object.fromEntries(batchRuns)).toEqual({ flaky: 2, 'steady-1': 1, 'steady-2': 1, 'steady-3': 1 });
  });

  it('a job queued by this process wakes its worker instead of waiting for the next poll', async () => {
    await jobs.send('test.woken', { orderId: 'ord_woken' });
    await waitFor(() => received.some((data) => data.orderId === 'ord_woken'));
  });

  it('progress of long work is recorded and readable while it runs', async () => {
    const task = await createTask(database.db, 'test.import', 200);
    expect(task).toMatchObject({ status: 'queued', done: 0, total: 200 });
    await reportProgress(database.db, task.id, { done: 50, note: 'rows' });
    expect(await getTask(database.db, task.id)).toMatchObject({ status: 'running', done: 50, total: 200, note: 'rows' });
    await finishTask(database.db, task.id);
    const finished = await getTask(database.db, task.id);
    expect(finished?.status).toBe('succeeded');
    expect(finished?.startedAt).toBeInstanceOf(Date);
    expect(finished?.finishedAt).toBeInstanceOf(Date);
    await finishTask(database.db, (await createTask(database.db, 'test.import')).id, { errorCode: 'internal' });
  });

  it('the prune job removes only progress records finished more than 30 days ago', async () => {
    const old = await createTask(database.db, 'test.prune');
    const recent = await createTask(database.db, 'test.prune');
    const running = await createTask(database.db, 'test.prune');
    await finishTask(database.db, old.id);
    await finishTask(database.db, recent.id);
    await database.db.update(backgroundTasks).set({ finishedAt: sql`now() - interval '31 days'` }).where(eq(backgroundTasks.id, old.id));
    await jobs.send(pruneFinishedTasks.name);
    await waitFor(async () => (await getTask(database.db, old.id)) === undefined);
    expect(await getTask(database.db, recent.id)).toBeDefined();
    expect(await getTask(database.db, running.id)).toBeDefined();
  });
});
