import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { backgroundTasks } from '../jobs/tasks/schema.ts';
import { createTask, getTask } from '../jobs/tasks/track-task.ts';
import { inTransaction, isRetryable } from './transaction.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('transactions', () => {
  it('commit when the work returns', async () => {
    const task = await inTransaction(database.db, (tx) => createTask(tx, 'test.commit'));
    expect(await getTask(database.db, task.id)).toBeDefined();
  });

  it('roll back everything when the work throws', async () => {
    let createdId = '';
    await expect(
      inTransaction(database.db, async (tx) => {
        createdId = (await createTask(tx, 'test.rollback')).id;
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(createdId).not.toBe('');
    expect(await getTask(database.db, createdId)).toBeUndefined();
  });

  it('run the work again after a serialization failure', async () => {
    let attempts = 0;
    const task = await inTransaction(database.db, async (tx) => {
      attempts += 1;
      const created = await createTask(tx, 'test.retry');
      if (attempts === 1) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      return created;
    });
    expect(attempts).toBe(2);
    const rows = await database.db.select().from(backgroundTasks).where(eq(backgroundTasks.kind, 'test.retry'));
    expect(rows.map((row) => row.id)).toEqual([task.id]);
  });

  it('recognise retryable errors also when wrapped', () => {
    expect(isRetryable(new Error('x', { cause: { code: '40P01' } }))).toBe(true);
    expect(isRetryable(Object.assign(new Error('x'), { code: '23505' }))).toBe(false);
  });
});
