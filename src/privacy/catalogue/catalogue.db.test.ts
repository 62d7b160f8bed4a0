import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { dataCategories } from './categories.ts';
import { columnCatalogue, infrastructureSchemas, infrastructureTables } from './classify.ts';
import { buildDataMap } from './data-map.ts';
import { startJobs } from '../../jobs/start-jobs.ts';
import { ephemeralKeyring } from '../crypto/keyring.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { captureLog } from '../../../test/support/test-app.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  // pg-boss creates its own schema: start it once so that schema is in the database too.
  const jobs = await startJobs({ database, logger: createLogger('silent', captureLog().stream), keyring: ephemeralKeyring(), definitions: [], runWorkers: false });
  await jobs.stop();
});
afterAll(() => database.close());

describe('data catalogue', () => {
  it('R-USE-1 every column of every table in the database is declared personal or not', async () => {
    const columns = await database.query<{ schema: string; table: string; column: string }>(
      `select table_schema as schema, table_name as table, column_name as column from information_schema.columns
        where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2, 3`,
    );
    expect(columns.length).toBeGreaterThan(30);
    const undeclared = columns
      .filter(({ schema, table, column }) => {
        if (schema !== 'public') return !(schema in infrastructureSchemas);
        if (table in infrastructureTables) return false;
        return !columnCatalogue.get(table)?.has(column);
      })
      .map(({ schema, table, column }) => `${schema}.${table}.${column}`);
    expect(undeclared).toEqual([]);
  });

  it('R-USE-1 the catalogue declares no column the database does not have', async () => {
    const present = new Set((await database.query<{ key: string }>(`select table_name || '.' || column_name as key from information_schema.columns where table_schema = 'public'`)).map((r) => r.key));
    const stale = [...columnCatalogue].flatMap(([table, columns]) => [...columns.keys()].map((column) => `${table}.${column}`)).filter((key) => !present.has(key));
    expect(stale).toEqual([]);
  });

  it('R-SEC-2 no sensitive category is ever stored in plain text', () => {
    const plainSensitive = [...columnCatalogue].flatMap(([table, columns]) =>
      [...columns].filter(([, c]) => c.kind === 'personal' && dataCategories[c.category].sensitive && c.storedAs === 'plain').map(([column]) => `${table}.${column}`),
    );
    expect(plainSensitive).toEqual([]);
  });

  it('R-USE-1 R-SHR-3 the data map lists each category with where it is stored, purposes, legal basis and retention', () => {
    const map = buildDataMap();
    const phone = map.find((entry) => entry.category === 'contact.phone');
    expect(phone).toMatchObject({ isSensitive: false, purposes: expect.arrayContaining(['account', 'security']) });
    expect(phone?.storedIn).toContainEqual({ table: 'customers', column: 'phone_enc', storedAs: 'encrypted', purposes: ['account', 'security', 'customer_service', 'marketing'], basis: 'contract', retention: 'until_account_closed' });
    expect(phone?.bases.map((b) => b.basis)).toContain('contract');
    for (const entry of map) {
      expect(entry.purposes.length, entry.category).toBeGreaterThan(0);
      expect(entry.retention.length, entry.category).toBeGreaterThan(0);
    }
  });
});
