// `npm run bench [-- scenario… ] [--pglite] [--duration S] [--warmup S] [--connections N] [--buyers N]
//   [--customers N] [--policies N] [--reseed] [--cpu-prof]`
// Starts what each scenario needs in child processes (the server, the payment sandbox, the reference
// insurer, the baselines), seeds the data once per schema, drives the load from this process and
// reports every figure next to baselines measured in the same run, and the targets of issue 7.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config.ts';
import { keyringFromConfig } from '../src/privacy/crypto/keyring.ts';
import { prepareBenchDatabase, type BenchDatabase } from './database/bench-database.ts';
import { committedTransactions, measureCommitLimit } from './database/postgres-limits.ts';
import { checkGoals, type GoalCheck } from './goals.ts';
import { requestScenario } from './load/autocannon-load.ts';
import { parseBenchArgs, type BenchOptions, type ScenarioName } from './options.ts';
import { meterProcess, meterProcessesNamed } from './process-meter.ts';
import { monotonicNowUs, summariseCpuProfile, type ClockWindow, type CpuProfile, type ProfileSummary } from './profile/cpu-profile-summary.ts';
import { goalsTable, markdownTable, resultsTable, stepsTable, type ScenarioResult } from './report.ts';
import { signInCustomers } from './scenarios/customer-sessions.ts';
import { measureMyPolicies } from './scenarios/my-policies.ts';
import { measurePurchase } from './scenarios/purchase.ts';
import { measureQuote } from './scenarios/quote.ts';
import type { RunShape, ScenarioRun } from './scenarios/scenario-run.ts';
import { measureVerify } from './scenarios/verify.ts';
import { prepareCatalogue, seedBenchData } from './seed/seed-bench-data.ts';
import { projectRoot, startApp, startSimulators, startTarget, type BenchProcess, type Simulators } from './servers.ts';

const about: Record<string, string> = {
  'baseline-bare': 'bare Fastify route returning a constant',
  'baseline-select1': 'the same route doing select 1 through src/db',
  'baseline-pgbench': 'pgbench -N: the commit limit of this PostgreSQL',
  healthz: 'full app stack, no database',
  operator: 'public API: security headers, rate limit, schema serialisation, log line, metrics',
  'not-found': 'error path: problem+json in the requested language',
  quote: 'POST /api/site/quotes, random demo trips',
  'my-policies': 'signed-in customer lists 20 policies and opens one e-policy PDF',
  verify: 'GET /api/site/verify/:token of random seeded policies',
  purchase: 'whole guest purchase: quote, sale, 5 steps, application of 2, payment, sandbox pay, issued',
};
const SIMPLE: Partial<Record<ScenarioName, { path: string; status: number }>> = {
  healthz: { path: '/healthz', status: 200 },
  operator: { path: '/api/site/operator', status: 200 },
  'not-found': { path: '/api/no-such-thing', status: 404 },
};
const SEED = { signedInCustomers: 5, policiesEach: 20 };
const IDLE_SAMPLE_MS = 5_000;
const resultsDir = path.join(projectRoot, 'bench', 'results');
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

/** Each scenario's measured window, to cut its server's CPU profile to it. */
const windows = new Map<string, ClockWindow>();
/** Set on PostgreSQL runs: the server's processes are metered too (the database shares these cores). */
let databaseProcessName: string | null = null;

/** Runs `measure` with the server's CPU and memory metered over its measured window. */
async function metered(name: string, pid: number, shape: RunShape, measure: (shape: RunShape) => Promise<ScenarioRun>): Promise<ScenarioResult> {
  let meter: ReturnType<typeof meterProcess> | null = null;
  let usage: ReturnType<ReturnType<typeof meterProcess>['stop']> | null = null;
  let databaseMeter: ReturnType<typeof meterProcessesNamed> | null = null;
  let databaseCpu: number | null = null;
  const window = { fromUs: 0, toUs: 0 };
  windows.set(name, window);
  const run = await measure({
    ...shape,
    window: {
      start: () => {
        window.fromUs = monotonicNowUs();
        meter = meterProcess(pid);
        databaseMeter = databaseProcessName ? meterProcessesNamed(databaseProcessName) : null;
      },
      end: () => {
        window.toUs = monotonicNowUs();
        usage = meter?.stop() ?? null;
        databaseCpu = databaseMeter?.stop().cpuPercentOfCore ?? null;
      },
    },
  });
  const server = usage as ReturnType<ReturnType<typeof meterProcess>['stop']> | null;
  return {
    scenario: name,
    about: about[name] ?? name,
    unit: run.unit,
    rate: run.rate,
    requestsPerSecond: run.requestsPerSecond,
    latency: run.latency,
    ...(run.steps ? { steps: run.steps } : {}),
    errors: run.errors,
    errorSamples: run.errorSamples,
    server: server ? { cpuPercentOfCore: server.cpuPercentOfCore, peakRssMb: server.peakRssMb, startRssMb: server.startRssMb, endRssMb: server.endRssMb } : null,
    databaseCpuPercentOfCore: databaseCpu,
    vsBare: null,
    vsSelect1: null,
    ...(run.flowsInRun === undefined ? {} : { extra: { flowsInRun: run.flowsInRun } }),
  };
}

function simpleLoad(url: string, target: { path: string; status: number }, options: BenchOptions) {
  return (shape: RunShape): Promise<ScenarioRun> => requestScenario(url + target.path, { ...shape, connections: options.connections }, { expectedStatus: target.status });
}

async function baselines(bench: BenchDatabase, options: BenchOptions, shape: RunShape): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const [name, file, env] of [
    ['baseline-bare', 'bare-fastify.ts', {}],
    ['baseline-select1', 'select-one.ts', bench.env],
  ] as const) {
    console.log(`measuring ${name} (${shape.durationS} s, ${options.connections} connections)…`);
    const target = await startTarget(file, env);
    try {
      results.push(await metered(name, target.pid, shape, simpleLoad(target.url, { path: '/', status: 200 }, options)));
    } finally {
      await target.stop();
    }
  }
  if (bench.kind === 'postgres' && bench.url) {
    console.log(`measuring baseline-pgbench (${shape.durationS} s)…`);
    const limit = await measureCommitLimit(bench.url, { clients: 10, durationS: shape.durationS });
    if (limit.tps === null) console.log(`  ${limit.note}`);
    results.push({ scenario: 'baseline-pgbench', about: limit.note, unit: 'tps', rate: limit.tps ?? NaN, requestsPerSecond: NaN, latency: null, errors: 0, errorSamples: [], server: null, vsBare: null, vsSelect1: null });
  }
  return results;
}

const profileDirOf = (scenario: string) => path.join(resultsDir, `${stamp}-${scenario}-profile`);
const profileArgs = (dir: string) => ['--cpu-prof', '--cpu-prof-dir', dir];

/**
 * The profile of the server's main thread (CPU.<date>.<time>.<pid>.<thread 0>.<n>.cpuprofile; workers
 * write their own) in `dir`, summarised over the scenario's measured window.
 */
function profileIn(dir: string, window: ClockWindow | undefined): { file: string; summary: ProfileSummary } | null {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /\.\d+\.0\.\d+\.cpuprofile$/.test(name)) : [];
  const main = files.map((name) => path.join(dir, name)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!main) return null;
  return { file: main, summary: summariseCpuProfile(JSON.parse(fs.readFileSync(main, 'utf8')) as CpuProfile, projectRoot, 15, window) };
}

/**
 * The purchase on a server of its own (optionally profiled): fresh memory figures, and — on
 * PostgreSQL — the commits of the run from pg_stat_database, whose per-backend counters need a quiet
 * moment before and after to be complete.
 */
async function purchaseRun(bench: BenchDatabase, simulators: Simulators, options: BenchOptions, shape: RunShape) {
  const profileDir = profileDirOf('purchase');
  const app = await startApp({ ...bench.env, ...simulators.env }, options.cpuProfile ? profileArgs(profileDir) : []);
  let result: ScenarioResult;
  let commits: number | null = null;
  try {
    const counting = bench.kind === 'postgres' && bench.url && bench.name ? { url: bench.url, name: bench.name } : null;
    // The server commits a little while idle too (the job system's polling): measured over 5 quiet
    // seconds and taken off, so that what is left is the purchases' own.
    if (counting) console.log('  waiting for pg_stat_database to settle (16 s)…');
    const settled = counting ? await committedTransactions(counting.url, counting.name) : NaN;
    const before = counting ? await committedTransactions(counting.url, counting.name, IDLE_SAMPLE_MS) : NaN;
    const idlePerMs = (before - settled) / IDLE_SAMPLE_MS;
    const startedAt = Date.now();
    const simulatorMeters = simulators.processes.map((process) => meterProcess(process.pid));
    result = await metered('purchase', app.pid, shape, (measured) => measurePurchase(app.url, { ...measured, buyers: options.buyers }));
    const simulatorCpu = simulatorMeters.reduce((sum, meter) => sum + meter.stop().cpuPercentOfCore, 0);
    if (counting) {
      console.log('  waiting for pg_stat_database to settle (11 s)…');
      const after = await committedTransactions(counting.url, counting.name);
      commits = Math.round(after - before - idlePerMs * (Date.now() - startedAt));
    }
    const flows = Number(result.extra?.flowsInRun ?? 0);
    // Failed purchases committed too, but are not in the count: the ratio would mean nothing.
    const isCountable = commits !== null && flows > 0 && result.errors === 0;
    result.extra = { ...result.extra, simulatorsCpuPercentOfCore: simulatorCpu, commitsInRun: commits, commitsPerPurchase: isCountable ? Math.round(((commits ?? 0) / flows) * 10) / 10 : null };
  } finally {
    await app.stop();
  }
  return { result, profile: options.cpuProfile ? profileIn(profileDir, windows.get('purchase')) : null };
}

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  const shape: RunShape = { warmupS: options.warmup, durationS: options.duration };
  const loadBefore = os.loadavg();
  console.log(`Besttrav bench — ${options.onPglite ? 'PGlite' : 'PostgreSQL'}, ${os.cpus().length} cores, Node ${process.version}, load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')}`);
  const bench = await prepareBenchDatabase(options);
  // PostgreSQL on this machine (the default, 127.0.0.1) runs as processes named postgres.
  if (bench.kind === 'postgres') databaseProcessName = 'postgres';
  await prepareCatalogue(bench);
  const results = await baselines(bench, options, shape);

  const wants = (name: ScenarioName) => options.scenarios.includes(name);
  const needsSeed = wants('my-policies') || wants('verify');
  const needsSimulators = needsSeed || wants('purchase');
  let simulators: Simulators | null = null;
  let app: BenchProcess | null = null;
  const profiles = new Map<string, NonNullable<ReturnType<typeof profileIn>>>();
  try {
    simulators = needsSimulators ? await startSimulators() : null;
    let policySample: string[] = [];
    let seed = bench.readSeed();
    if (needsSeed && simulators) {
      console.log(`seed data: ${options.customers.toLocaleString('en')} customers, ${options.policies.toLocaleString('en')} policies (made once per schema, in ${path.relative(projectRoot, bench.dataDir)})`);
      ({ state: seed, policySample } = await seedBenchData(bench, simulators.env, { customers: options.customers, policies: options.policies, ...SEED }));
      console.log(`  ready: ${seed.customers.toLocaleString('en')} customers, ${seed.policies.toLocaleString('en')} policies`);
    }
    const onApp = options.scenarios.filter((name) => name !== 'purchase');
    const env = { ...bench.env, ...(simulators?.env ?? {}) };
    const measureOn = async (server: BenchProcess, name: ScenarioName) => {
      console.log(`measuring ${name} (${shape.durationS} s)…`);
      const url = server.url;
      const simple = SIMPLE[name];
      if (simple) return metered(name, server.pid, shape, simpleLoad(url, simple, options));
      if (name === 'quote') return metered(name, server.pid, shape, (measured) => measureQuote(url, { ...measured, connections: options.connections }));
      if (name === 'verify') {
        const keyring = keyringFromConfig(loadConfig(bench.env));
        return metered(name, server.pid, shape, (measured) => measureVerify(url, keyring, policySample, { ...measured, connections: options.connections }));
      }
      if (!seed) throw new Error(`${name} needs the seed data`);
      const customers = await signInCustomers(url, bench, seed);
      return metered(name, server.pid, shape, (measured) => measureMyPolicies(url, customers, { ...measured, users: options.connections }));
    };
    // Each scenario on a server of its own: its memory figures are its own (a PDF font loaded by
    // my-policies stays in the process), and so is its profile.
    for (const name of onApp) {
      const profileDir = profileDirOf(name);
      app = await startApp(env, options.cpuProfile ? profileArgs(profileDir) : []);
      results.push(await measureOn(app, name));
      await app.stop();
      app = null;
      const written = options.cpuProfile ? profileIn(profileDir, windows.get(name)) : null;
      if (written) profiles.set(name, written);
    }
    if (wants('purchase') && simulators) {
      console.log(`measuring purchase (${shape.durationS} s, ${options.buyers} buyers${options.cpuProfile ? ', CPU profile' : ''}) on a new database…`);
      const scratch = await prepareBenchDatabase({ ...options, scratch: 'purchase' });
      await prepareCatalogue(scratch);
      const purchase = await purchaseRun(scratch, simulators, options, shape);
      results.push(purchase.result);
      if (purchase.profile) profiles.set('purchase', purchase.profile);
    }
  } finally {
    await app?.stop();
    for (const process of simulators?.processes ?? []) await process.stop();
  }
  return report(options, results, profiles, loadBefore);
}

function report(options: BenchOptions, results: ScenarioResult[], profiles: Map<string, NonNullable<ReturnType<typeof profileIn>>>, loadBefore: number[]): number {
  const bare = results.find((result) => result.scenario === 'baseline-bare')?.requestsPerSecond ?? NaN;
  const select1 = results.find((result) => result.scenario === 'baseline-select1')?.requestsPerSecond ?? NaN;
  const pgbench = results.find((result) => result.scenario === 'baseline-pgbench')?.rate ?? NaN;
  for (const result of results) {
    if (result.unit === 'tps') continue;
    result.vsBare = result.requestsPerSecond / bare;
    result.vsSelect1 = result.requestsPerSecond / select1;
  }
  const database = options.onPglite ? 'pglite' : 'postgres';
  const goals: GoalCheck[] = results.flatMap((result) =>
    result.latency && result.server
      ? checkGoals(
          { scenario: result.scenario, rate: result.rate, requestsPerSecond: result.requestsPerSecond, p99Ms: result.latency.p99Ms, ...result.server },
          { bareRps: bare, select1Rps: select1 },
          { database, durationS: options.duration },
        )
      : [],
  );
  const loadAfter = os.loadavg();
  console.log(`\n${resultsTable(results)}\n`);
  const steps = stepsTable(results);
  if (steps) console.log(`${steps}\n`);
  const purchase = results.find((result) => result.scenario === 'purchase');
  const perPurchase = Number(purchase?.extra?.commitsPerPurchase ?? NaN);
  if (purchase) {
    console.log(
      markdownTable(
        ['purchase', 'value'],
        [
          ['completed purchases/s', purchase.rate],
          ['requests per purchase', purchase.rate > 0 ? Math.round(purchase.requestsPerSecond / purchase.rate) : null],
          // Less swayed by what else runs on the machine than the rate: the server's own work per purchase.
          ['server CPU per purchase (ms)', purchase.rate > 0 && purchase.server ? Math.round((purchase.server.cpuPercentOfCore * 10) / purchase.rate) : null],
          ['database CPU per purchase (ms)', purchase.rate > 0 && typeof purchase.databaseCpuPercentOfCore === 'number' ? Math.round((purchase.databaseCpuPercentOfCore * 10) / purchase.rate) : null],
          ['commits per purchase (pg_stat_database)', Number.isNaN(perPurchase) ? null : perPurchase],
          ['commit limit (pgbench -N tps)', Number.isNaN(pgbench) ? null : pgbench],
          ['purchases/s the commit limit allows', Number.isNaN(perPurchase) || Number.isNaN(pgbench) ? null : Math.round(pgbench / perPurchase)],
          ['share of the commit limit used', Number.isNaN(perPurchase) || Number.isNaN(pgbench) ? null : `${Math.round(((purchase.rate * perPurchase) / pgbench) * 100)} %`],
          ['simulators CPU (sandbox + insurer)', `${purchase.extra?.simulatorsCpuPercentOfCore ?? '–'} %`],
        ],
      ),
    );
    console.log('');
  }
  if (goals.length > 0) console.log(`${goalsTable(goals)}\n`);
  for (const [scenario, profile] of profiles) {
    console.log(`CPU profile of the server during ${scenario}'s measured window: ${path.relative(projectRoot, profile.file)} (busy ${profile.summary.busyMs} ms, idle ${profile.summary.idleMs} ms)`);
    console.log(`${markdownTable(['self time by area', 'ms', '%'], profile.summary.areas.map((area) => [area.area, area.selfMs, area.percent]))}\n`);
    console.log(`${markdownTable(['top functions by self time', 'ms', '%'], profile.summary.top.map((entry) => [entry.function, entry.selfMs, entry.percent]))}\n`);
  }
  const failed = results.filter((result) => result.errors > 0);
  for (const result of failed) console.log(`✗ ${result.scenario}: ${result.errors} errors — ${result.errorSamples.join(' | ')}`);
  console.log(`load average before ${loadBefore.map((n) => n.toFixed(2)).join(' ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' ')} (the machine is shared: read the ratios)`);

  fs.mkdirSync(resultsDir, { recursive: true });
  const outFile = path.join(resultsDir, `${stamp}.json`);
  const record = {
    at: new Date().toISOString(),
    database,
    node: process.version,
    cores: os.cpus().length,
    loadAverage: { before: loadBefore, after: loadAfter },
    options,
    results,
    goals,
    profiles: Object.fromEntries([...profiles].map(([scenario, profile]) => [scenario, { file: path.relative(projectRoot, profile.file), ...profile.summary }])),
  };
  fs.writeFileSync(outFile, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`written to ${path.relative(projectRoot, outFile)}`);
  // Errors fail the run: a fast wrong answer is not a result.
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
