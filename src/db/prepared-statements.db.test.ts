import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackend, type TestDatabase } from '../../test/support/test-database.ts';
import { openPostgres } from './open-postgres.ts';
import type { DbOrTx } from './types.ts';

// Drizzle types `execute` by driver; both drivers answer with `rows`.
const rowsOf = <Row>(result: unknown) => (result as { rows: Row[] }).rows;
const numberOf = async (db: DbOrTx, value: number) => rowsOf<{ n: number }>(await db.execute(sql`select ${value}::int as n`))[0]?.n;

/** The statements this connection holds prepared, by their text. */
async function preparedOnThisConnection(tx: DbOrTx): Promise<string[]> {
  const result = await tx.execute(sql.raw(`select statement from pg_prepared_statements where name like 'bt\\_%'`));
  return rowsOf<{ statement: string }>(result).map((row) => row.statement);
}

describe.skipIf(testBackend !== 'postgres')('prepared statements on PostgreSQL (DATABASE_PREPARED_STATEMENTS)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('prepares a parameterised statement once per connection and runs it again by name', async () => {
    const texts = await database.db.transaction(async (tx) => {
      for (const value of [1, 2, 3]) expect(await numberOf(tx, value)).toBe(value);
      return preparedOnThisConnection(tx);
    });
    expect(texts.filter((text) => text === 'select $1::int as n')).toHaveLength(1);
  });

  it('leaves statements without parameters unnamed, so several commands in one text still run', async () => {
    const rows = await database.exec('create temporary table prepared_probe (n int); insert into prepared_probe values (7); select n from prepared_probe');
    expect(rows).toEqual([{ n: 7 }]);
    const texts = await database.db.transaction((tx) => preparedOnThisConnection(tx));
    expect(texts.some((text) => text.includes('prepared_probe'))).toBe(false);
  });

  it('keeps the connection usable after a statement PostgreSQL refuses to prepare, and after a rollback', async () => {
    await database.db.transaction(async (tx) => {
      await expect(tx.execute(sql`select ${1}::int from no_such_table`)).rejects.toThrow();
    }).catch(() => undefined);
    await expect(
      database.db.transaction(async (tx) => {
        await numberOf(tx, 5);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // A prepared statement outlives the rollback of the transaction it was first used in.
    for (let round = 0; round < 10; round += 1) expect(await numberOf(database.db, round)).toBe(round);
  });

  it('prepares nothing when turned off (for poolers in transaction mode)', async () => {
    const plain = await openPostgres(database.url as string, { poolMax: 1, preparedStatements: false });
    try {
      const texts = await plain.db.transaction(async (tx) => {
        await numberOf(tx, 1);
        return preparedOnThisConnection(tx);
      });
      expect(texts).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});
