import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { isAppError } from '../errors/app-error.ts';
import { migrate, migrationStatus } from './migrate.ts';
import { defaultMigrationsDir, readMigrations } from './migrations-on-disk.ts';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

/** A copy of the real migrations plus one more, written by the test. */
function migrationsWithExtra(tag: string, sqlText: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-migrations-'));
  fs.cpSync(defaultMigrationsDir, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<Record<string, unknown>> };
  journal.entries.push({ idx: journal.entries.length, version: '7', when: Date.now(), tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(dir, `${tag}.sql`), sqlText);
  return dir;
}

async function failureOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('migrations', () => {
  it('apply every committed migration once and report the schema current', async () => {
    database = await createTestDatabase({ migrated: false });
    const applied = await migrate(database);
    expect(applied).toEqual(readMigrations().map((m) => m.tag));
    expect(await migrate(database)).toEqual([]);
    const status = await migrationStatus(database);
    expect(status).toMatchObject({ isCurrent: true, pending: [], applied: applied.length, expected: applied.length });
  });

  it('a failing migration is named, rolled back alone, and the earlier ones stay applied', async () => {
    database = await createTestDatabase();
    const dir = migrationsWithExtra('9999_broken', 'create table half_done (id int);\n--> statement-breakpoint\nselect * from no_such_table;');
    const error = await failureOf(migrate(database, { dir }));
    expect(error.code).toBe('migration_failed');
    expect(error.params.migration).toBe('9999_broken');
    expect(error.userMessage('en')).toContain('9999_broken');
    const tables = await database.query<{ name: string | null }>(`select to_regclass('half_done')::text as name`);
    expect(tables[0]?.name).toBeNull();
    const status = await migrationStatus(database, dir);
    expect(status.pending).toEqual(['9999_broken']);
    expect(status.isCurrent).toBe(false);
  });

  it('refuses to run when a committed migration was edited after it was applied', async () => {
    database = await createTestDatabase();
    const dir = migrationsWithExtra('9998_extra', 'create table extra_one (id int);');
    await migrate(database, { dir });
    fs.writeFileSync(path.join(dir, '9998_extra.sql'), 'create table extra_one (id bigint);');
    const error = await failureOf(migrate(database, { dir }));
    expect(error.code).toBe('migration_mismatch');
    expect(error.params.migration).toBe('9998_extra');
  });

  it('refuses to run older code against a database migrated by newer code', async () => {
    database = await createTestDatabase();
    await migrate(database, { dir: migrationsWithExtra('9997_newer', 'create table newer_one (id int);') });
    const error = await failureOf(migrate(database));
    expect(error.code).toBe('migration_mismatch');
    expect((await migrationStatus(database)).unknown).toEqual(['9997_newer']);
  });

  it('two processes migrating at once apply each migration exactly once', async () => {
    database = await createTestDatabase({ migrated: false });
    const [first, second] = await Promise.all([migrate(database), migrate(database)]);
    expect([...first, ...second].sort()).toEqual(readMigrations().map((m) => m.tag).sort());
  });
});
