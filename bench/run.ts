// `npm run bench [-- scenario… ] [--pglite] [--duration S] [--connections N]`
// Starts what each scenario needs in child processes, drives load with autocannon from this process,
// and reports throughput and latency as ratios against baselines measured in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from '../test/support/server-process.ts';
import { meterProcess } from './process-meter.ts';

type TargetName = 'bare' | 'select1' | 'app';
interface Scenario {
  target: TargetName;
  path: string;
  expectStatus?: number;
  about: string;
}

const scenarios: Record<string, Scenario> = {
  'baseline-bare': { target: 'bare', path: '/', about: 'bare Fastify route returning a constant' },
  'baseline-select1': { target: 'select1', path: '/', about: 'bare route doing select 1 through src/db' },
  healthz: { target: 'app', path: '/healthz', about: 'full app stack, no database' },
  operator: { target: 'app', path: '/api/site/operator', about: 'public API: helmet, rate limit, schema serialisation, log line, metrics' },
  'not-found': { target: 'app', path: '/api/no-such-thing', expectStatus: 404, about: 'error path: problem+json in the requested language' },
};

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const onPglite = args.includes('--pglite');
const duration = option('duration', 10);
const connections = option('connections', 20);
const chosen = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.match(/^--(duration|connections)$/));
const selected = Object.keys(scenarios).filter((name) => chosen.length === 0 || chosen.includes(name) || name.startsWith('baseline'));

async function databaseEnv(): Promise<Record<string, string>> {
  if (onPglite) return { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-')) };
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/besttrav_bench';
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '')}"`);
  await client.end();
  return { DATABASE_URL: url };
}

async function startTarget(target: TargetName, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const commandByTarget: Record<TargetName, string[]> = {
    bare: ['--import', 'tsx', path.join(root, 'bench/targets/bare-fastify.ts')],
    select1: ['--import', 'tsx', path.join(root, 'bench/targets/select-one.ts')],
    app: [path.join(root, 'bin/besttrav.mjs'), 'start', '--no-build'],
  };
  // Logs go to /dev/null: their cost is measured, their volume is not kept.
  const child = spawn(process.execPath, commandByTarget[target], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '1000000', JOBS_ENABLED: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const readyPath = target === 'app' ? '/readyz' : '/';
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`${target} exited with ${child.exitCode}`);
    if (await fetch(url + readyPath).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${target} did not start`);
}

async function measure(name: string, scenario: Scenario, url: string, pid: number) {
  await autocannon({ url: url + scenario.path, connections, duration: 2 }); // warm-up: JIT, pools
  const meter = meterProcess(pid);
  const result = await autocannon({ url: url + scenario.path, connections, duration, headers: { 'accept-language': 'en' } });
  const usage = meter.stop();
  const expected = scenario.expectStatus ?? 200;
  const matching = expected === 404 ? result['4xx'] : result['2xx'];
  const total = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    scenario: name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p97_5Ms: result.latency.p97_5,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + (total - matching),
    serverCpuPercentOfCore: usage.cpuPercentOfCore,
    serverPeakRssMb: usage.peakRssMb,
  };
}

const env = await databaseEnv();
const results: Array<Awaited<ReturnType<typeof measure>>> = [];
for (const target of ['bare', 'select1', 'app'] as TargetName[]) {
  const names = selected.filter((name) => scenarios[name]?.target === target);
  if (names.length === 0) continue;
  const { url, child } = await startTarget(target, env);
  try {
    for (const name of names) {
      process.stdout.write(`measuring ${name} (${duration} s, ${connections} connections)…\n`);
      results.push(await measure(name, scenarios[name] as Scenario, url, child.pid as number));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const bare = results.find((r) => r.scenario === 'baseline-bare')?.requestsPerSecond ?? NaN;
const select1 = results.find((r) => r.scenario === 'baseline-select1')?.requestsPerSecond ?? NaN;
const table = results.map((r) => ({
  ...r,
  vsBare: `${Math.round((r.requestsPerSecond / bare) * 100)} %`,
  vsSelect1: `${Math.round((r.requestsPerSecond / select1) * 100)} %`,
}));
console.log(`\nBesttrav bench — ${onPglite ? 'PGlite' : 'PostgreSQL'}, ${os.cpus().length} cores, Node ${process.version}`);
console.table(table);

const outFile = path.join(root, 'bench', 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(
  outFile,
  `${JSON.stringify({ at: new Date().toISOString(), database: onPglite ? 'pglite' : 'postgres', node: process.version, cores: os.cpus().length, duration, connections, scenarios: Object.fromEntries(selected.map((n) => [n, scenarios[n]?.about])), results: table }, null, 2)}\n`,
);
console.log(`written to ${path.relative(root, outFile)}`);
