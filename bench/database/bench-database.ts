import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { readMigrations } from '../../src/db/migrations-on-disk.ts';
import { projectRoot } from '../servers.ts';

/** The seeded data a bench run reads among, as recorded when seeding finished its parts. */
export interface SeedState {
  customers: number;
  policies: number;
  /** The customers who sign in for my-policies (20 policies each), with their phone for the SMS code. */
  signedIn: Array<{ customerId: string; phone: string; policies: number; sessionCookie?: string }>;
}

export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  /** What the server, the baselines and the seeding process need to reach the database. */
  env: Record<string, string>;
  /** Holds the keyring the data was encrypted with, the SMS outbox and seed.json (and PGlite's files). */
  dataDir: string;
  /** PostgreSQL only: the database's name, for pg_stat_database. */
  name: string | null;
  url: string | null;
  readSeed(): SeedState | null;
  writeSeed(state: SeedState): void;
}

const benchRoot = path.join(projectRoot, 'data', 'bench');

async function withAdmin<T>(url: URL, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The database a bench run uses, seeded once and then reused: its name (PostgreSQL) or folder
 * (PGlite) carries the number of migrations, so a schema change starts a new one and the data of an
 * older schema is dropped. `reseed` starts again from nothing. `scratch` names a database made new
 * on every run (the purchase's: orders left paid by an interrupted run would queue ahead of its own).
 */
export async function prepareBenchDatabase(options: { onPglite: boolean; reseed: boolean; scratch?: string }): Promise<BenchDatabase> {
  const migrations = readMigrations().length;
  const suffix = options.scratch ? `_${options.scratch}` : '';
  const isFresh = options.reseed || Boolean(options.scratch);
  if (options.onPglite) {
    const key = `pglite_m${migrations}${suffix}`;
    const dataDir = path.join(benchRoot, key);
    for (const stale of listStale(/^pglite_m(\d+)/, migrations)) fs.rmSync(path.join(benchRoot, stale), { recursive: true, force: true });
    if (isFresh) fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    return describe('pglite', dataDir, null, null, { DATA_DIR: dataDir });
  }

  const base = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/besttrav_bench');
  const baseName = base.pathname.slice(1);
  const name = `${baseName}_m${migrations}${suffix}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dataDir = path.join(benchRoot, name);
  await withAdmin(base, async (client) => {
    const existing = (await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [`${baseName}_m`])).rows.map((row) => row.datname);
    const isStale = (candidate: string) => {
      const made = migrationsOf(candidate.slice(baseName.length + 1));
      return made !== null && made !== migrations;
    };
    for (const stale of existing.filter(isStale)) {
      await client.query(`drop database if exists ${quoted(stale)} with (force)`);
      fs.rmSync(path.join(benchRoot, stale), { recursive: true, force: true });
    }
    // Without its keyring the data cannot be read: a database without its folder starts again, and so does a folder without its database.
    const isUsable = existing.includes(name) && fs.existsSync(path.join(dataDir, 'seed.json')) && !isFresh;
    if (isUsable) return;
    await client.query(`drop database if exists ${quoted(name)} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await client.query(`create database ${quoted(name)}`);
  });
  fs.mkdirSync(dataDir, { recursive: true });
  return describe('postgres', dataDir, name, url.toString(), { DATABASE_URL: url.toString(), DATA_DIR: dataDir });
}

/** `m15_purchase` → 15; null for a name the bench did not make. */
function migrationsOf(key: string): number | null {
  const match = /^m(\d+)(_[a-z]+)?$/.exec(key);
  return match ? Number(match[1]) : null;
}

/** Folders of PGlite bench databases made for another number of migrations. */
function listStale(pattern: RegExp, migrations: number): string[] {
  if (!fs.existsSync(benchRoot)) return [];
  return fs.readdirSync(benchRoot).filter((entry) => {
    const match = pattern.exec(entry);
    return match !== null && Number(match[1]) !== migrations;
  });
}

function describe(kind: BenchDatabase['kind'], dataDir: string, name: string | null, url: string | null, env: Record<string, string>): BenchDatabase {
  const seedFile = path.join(dataDir, 'seed.json');
  return {
    kind,
    dataDir,
    name,
    url,
    env: { ...env, SMS_PROVIDER: 'outbox', SMS_OUTBOX_FILE: path.join(dataDir, 'sms-outbox.jsonl') },
    readSeed: () => (fs.existsSync(seedFile) ? (JSON.parse(fs.readFileSync(seedFile, 'utf8')) as SeedState) : null),
    writeSeed: (state) => fs.writeFileSync(seedFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 }),
  };
}
