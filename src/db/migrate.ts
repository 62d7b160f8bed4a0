import { sql } from 'drizzle-orm';
import { AppError } from '../errors/app-error.ts';
import type { Logger } from '../logging/create-logger.ts';
import { scrubText } from '../privacy/redaction/scrub.ts';
import { defaultMigrationsDir, readMigrations, type MigrationFile } from './migrations-on-disk.ts';
import type { Database } from './types.ts';

const LEDGER = 'besttrav_migrations';
// Any constant shared by every process of this application; serialises concurrent migrators.
const MIGRATION_LOCK_KEY = 724_771_001;

export interface MigrationStatus {
  applied: number;
  expected: number;
  pending: string[];
  /** Applied in the database but unknown to this code: the database is newer than the code. */
  unknown: string[];
  /** Applied, but the file changed since: somebody edited a committed migration. */
  changed: string[];
  isCurrent: boolean;
}

/**
 * Applies pending migrations, forward only, each in its own transaction together with its ledger row,
 * so a failure leaves the database at the last good migration and names the one that failed. Safe to
 * run from several processes at once: an advisory lock lets one apply while the others wait and skip.
 */
export async function migrate(database: Database, options: { dir?: string; logger?: Logger } = {}): Promise<string[]> {
  const migrations = readMigrations(options.dir ?? defaultMigrationsDir);
  await ensureLedger(database);
  const status = compare(migrations, await appliedMigrations(database));
  refuseMismatch(status);
  const applied: string[] = [];
  for (const migration of migrations.filter((m) => status.pending.includes(m.tag))) {
    if (await applyOne(database, migration)) {
      applied.push(migration.tag);
      options.logger?.info({ migration: migration.tag }, 'migration applied');
    }
  }
  return applied;
}

/** Read-only: a database never migrated simply has every migration pending. */
export async function migrationStatus(database: Database, dir: string = defaultMigrationsDir): Promise<MigrationStatus> {
  const [ledger] = await database.query<{ name: string | null }>(`select to_regclass('${LEDGER}')::text as name`);
  const applied = ledger?.name ? await appliedMigrations(database) : new Map<string, string>();
  return compare(readMigrations(dir), applied);
}

async function ensureLedger(database: Database): Promise<void> {
  // Under the lock: two processes racing on `create table if not exists` can both try to create it.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(
      sql.raw(`create table if not exists ${LEDGER} (tag text primary key, hash text not null, applied_at timestamptz not null default now())`),
    );
  });
}

async function appliedMigrations(database: Database): Promise<Map<string, string>> {
  const rows = await database.query<{ tag: string; hash: string }>(`select tag, hash from ${LEDGER}`);
  return new Map(rows.map((row) => [row.tag, row.hash]));
}

function compare(migrations: MigrationFile[], applied: Map<string, string>): MigrationStatus {
  const known = new Set(migrations.map((m) => m.tag));
  const pending = migrations.filter((m) => !applied.has(m.tag)).map((m) => m.tag);
  const changed = migrations.filter((m) => applied.has(m.tag) && applied.get(m.tag) !== m.hash).map((m) => m.tag);
  const unknown = [...applied.keys()].filter((tag) => !known.has(tag));
  return {
    applied: applied.size,
    expected: migrations.length,
    pending,
    unknown,
    changed,
    isCurrent: pending.length === 0 && unknown.length === 0 && changed.length === 0,
  };
}

function refuseMismatch(status: MigrationStatus): void {
  const [unknown] = status.unknown;
  if (unknown) {
    throw new AppError('migration_mismatch', `Database has migration ${unknown} that this code does not know`, {
      params: { migration: unknown, reason: 'the database is newer than this version of Besttrav; deploy the newer version' },
    });
  }
  const [changed] = status.changed;
  if (changed) {
    throw new AppError('migration_mismatch', `Migration ${changed} was edited after it was applied`, {
      params: { migration: changed, reason: 'a committed migration was edited; add a new migration instead' },
    });
  }
}

// node-postgres answers { rows }, PGlite too; typed loosely by Drizzle's shared result type.
function rowCount(result: unknown): number {
  return (result as { rows?: unknown[] }).rows?.length ?? 0;
}

async function applyOne(database: Database, migration: MigrationFile): Promise<boolean> {
  try {
    return await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      const done = await tx.execute<{ tag: string }>(sql`select tag from ${sql.identifier(LEDGER)} where tag = ${migration.tag}`);
      if (rowCount(done) > 0) return false; // another process applied it while we waited
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into ${sql.identifier(LEDGER)} (tag, hash) values (${migration.tag}, ${migration.hash})`);
      return true;
    });
  } catch (error) {
    const reason = scrubText(error instanceof Error ? error.message : String(error));
    throw new AppError('migration_failed', `Migration ${migration.tag} failed: ${reason}`, {
      params: { migration: migration.tag },
      details: { reason },
      cause: error,
    });
  }
}
