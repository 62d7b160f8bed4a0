import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { backgroundTasks } from '../jobs/tasks/schema.ts';
import { createTask } from '../jobs/tasks/track-task.ts';
import { compiledQuery } from './compiled-query.ts';
import { inTransaction } from './transaction.ts';

const taskKind = compiledQuery((db) =>
  db
    .select({ id: backgroundTasks.id, kind: backgroundTasks.kind })
    .from(backgroundTasks)
    .where(eq(backgroundTasks.id, sql.placeholder('id'))),
);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('compiled queries (built once, run on any database or transaction)', () => {
  it('run with new values each call, mapping rows as Drizzle does', async () => {
    const first = await createTask(database.db, 'test.compiled.first');
    const second = await createTask(database.db, 'test.compiled.second');
    expect(await taskKind(database.db, { id: first.id })).toEqual([{ id: first.id, kind: 'test.compiled.first' }]);
    expect(await taskKind(database.db, { id: second.id })).toEqual([{ id: second.id, kind: 'test.compiled.second' }]);
    expect(await taskKind(database.db, { id: 'tsk_none' })).toEqual([]);
  });

  it("run on the transaction's own connection: they see its uncommitted rows, and nothing after its rollback", async () => {
    let createdId = '';
    await expect(
      inTransaction(database.db, async (tx) => {
        createdId = (await createTask(tx, 'test.compiled.in-transaction')).id;
        // Another connection could not see this row yet: only the transaction's own can.
        expect(await taskKind(tx, { id: createdId })).toEqual([{ id: createdId, kind: 'test.compiled.in-transaction' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await taskKind(database.db, { id: createdId })).toEqual([]);
  });

  it('run side by side in concurrent transactions, each on its own connection', async () => {
    const kinds = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        inTransaction(database.db, async (tx) => {
          const task = await createTask(tx, `test.compiled.concurrent.${n}`);
          const [row] = await taskKind(tx, { id: task.id });
          return row?.kind;
        }),
      ),
    );
    expect(kinds).toEqual([1, 2, 3, 4].map((n) => `test.compiled.concurrent.${n}`));
  });

  it('refuse a call without a value for a placeholder instead of running with none', async () => {
    await expect(taskKind(database.db, {} as { id: string })).rejects.toThrow(/placeholder/i);
  });
});
