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

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({
    database,
    logger: createLogger('warn', captureLog().stream),
    keyring: ephemeralKeyring(),
    runWorkers: true,
    definitions: [{ name: 'test.record', handler: async (data) => void received.push(data) }, pruneFinishedTasks],
  });
});
afterAll(async () => {
  await jobs.stop();
  await database.close();
});

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
