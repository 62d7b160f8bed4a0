import { spawn } from 'node:child_process';
import pg from 'pg';

const SCRATCH_DATABASE = 'besttrav_pgbench';

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: -1, output: String(error) }));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** `tps = 1234.5 (without initial connection time)` → 1234.5. */
export function tpsOf(pgbenchOutput: string): number | null {
  const match = /tps = ([\d.]+) \(without initial connection time\)/.exec(pgbenchOutput);
  return match ? Number(match[1]) : null;
}

/**
 * The commit limit of this PostgreSQL server on this machine: `pgbench -N` (inserts and updates of
 * accounts only, no contended branch and teller rows) on a scratch database, with as many clients as
 * the app's pool. Null, with the reason, when pgbench is not installed (Debian: postgresql-15 or
 * postgresql-client) or fails.
 */
export async function measureCommitLimit(serverUrl: string, options: { clients: number; durationS: number }): Promise<{ tps: number | null; note: string }> {
  const url = new URL(serverUrl);
  const env = { PGHOST: url.hostname, PGPORT: url.port || '5432', PGUSER: decodeURIComponent(url.username || 'postgres'), ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) };
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${SCRATCH_DATABASE} with (force)`);
    await client.query(`create database ${SCRATCH_DATABASE}`);
    const init = await run('pgbench', ['-i', '-q', '-s', '10', SCRATCH_DATABASE], env);
    if (init.code !== 0) return { tps: null, note: init.code === -1 ? 'pgbench not installed (apt-get install postgresql-client)' : `pgbench -i failed: ${init.output.slice(-300)}` };
    const threads = String(Math.min(2, options.clients));
    const bench = await run('pgbench', ['-N', '-c', String(options.clients), '-j', threads, '-T', String(options.durationS), SCRATCH_DATABASE], env);
    const tps = tpsOf(bench.output);
    return tps === null ? { tps, note: `pgbench failed: ${bench.output.slice(-300)}` } : { tps: Math.round(tps), note: `pgbench -N -c ${options.clients} -j ${threads} -T ${options.durationS}, scale 10` };
  } finally {
    await client.query(`drop database if exists ${SCRATCH_DATABASE} with (force)`).catch(() => undefined);
    await client.end();
  }
}

/**
 * Transactions committed in one database so far (pg_stat_database.xact_commit). Backends report
 * their counts at most once a second while busy and within 10 s of going idle, so a reading taken
 * right after a burst can miss its last commits: callers wait `settleMs` first.
 */
export async function committedTransactions(serverUrl: string, database: string, settleMs = 11_000): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query('select pg_stat_clear_snapshot()');
    const result = await client.query<{ commits: string }>('select xact_commit::text as commits from pg_stat_database where datname = $1', [database]);
    return Number(result.rows[0]?.commits ?? NaN);
  } finally {
    await client.end();
  }
}
