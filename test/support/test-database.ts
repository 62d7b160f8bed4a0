import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../src/db/migrate.ts';
import { openPglite } from '../../src/db/open-pglite.ts';
import { openPostgres } from '../../src/db/open-postgres.ts';
import type { Database, DatabaseKind } from '../../src/db/types.ts';

export const testBackend: DatabaseKind = process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase extends Database {
  /** PostgreSQL connection string of this test's own database (postgres backend only). */
  url: string | null;
}

/**
 * A fresh database of the backend this test project runs on: an in-memory PGlite, or a new database
 * on the PostgreSQL server of TEST_DATABASE_URL, dropped again on close. Migrated unless told not to.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  if (testBackend === 'postgres') return createPostgresTestDatabase(options);
  const database = { ...(await openPglite(undefined)), url: null };
  if (options.migrated !== false) await migrate(database);
  return database;
}

/** A new, empty database on the server of TEST_DATABASE_URL, whatever the project's backend. */
export async function createPostgresTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_BACKEND=postgres needs TEST_DATABASE_URL');
  const name = `bt_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { poolMax: 5, preparedStatements: true });
  if (options.migrated !== false) await migrate(database);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
