// `node --import tsx bench/queries/queries-per-request.ts [--purchases N] [--show]`
// Counts the SQL statements and commits of each request of the guest purchase (purchase-flow.ts),
// one buyer at a time on PostgreSQL, by logging every statement the server sends (log-queries.ts).
// Commits are what pg_stat_database counts: each COMMIT, and each statement sent outside a
// transaction. Statements of no request (jobs, the payment notice) are listed as "background".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareBenchDatabase } from '../database/bench-database.ts';
import { BenchClient, RequestLog } from '../load/bench-client.ts';
import { purchaseAsGuest } from '../scenarios/purchase-flow.ts';
import { prepareCatalogue } from '../seed/seed-bench-data.ts';
import { projectRoot, startApp, startSimulators } from '../servers.ts';

interface Line {
  request: string;
  client: number;
  text: string;
}

const args = process.argv.slice(2);
const purchases = Number(args[args.indexOf('--purchases') + 1] ?? 3) || 3;
const isShowing = args.includes('--show');
const logFile = path.join(os.tmpdir(), `besttrav-queries-${process.pid}.jsonl`);

/** `/api/site/sales/sal_x/steps/terms` → `/api/site/sales/:id/steps/terms` */
const routeOf = (request: string) => request.replace(/\/(sal|ord|pay)_[A-Za-z0-9_-]+/g, '/:id').replace(/\?.*$/, '');

function tally(lines: Line[]) {
  const perRequest = new Map<string, { statements: number; commits: number; texts: Map<string, number> }>();
  const inTransaction = new Set<number>();
  for (const line of lines) {
    const key = line.request === 'background' ? 'background' : routeOf(line.request);
    const entry = perRequest.get(key) ?? { statements: 0, commits: 0, texts: new Map<string, number>() };
    perRequest.set(key, entry);
    const verb = line.text.trim().toLowerCase();
    if (verb.startsWith('begin')) inTransaction.add(line.client);
    else if (verb.startsWith('commit') || verb.startsWith('rollback')) {
      inTransaction.delete(line.client);
      if (verb.startsWith('commit')) entry.commits += 1;
    } else {
      entry.statements += 1;
      if (!inTransaction.has(line.client)) entry.commits += 1;
    }
    entry.texts.set(line.text, (entry.texts.get(line.text) ?? 0) + 1);
  }
  return perRequest;
}

const bench = await prepareBenchDatabase({ onPglite: false, reseed: false, scratch: 'queries' });
await prepareCatalogue(bench);
const simulators = await startSimulators();
fs.writeFileSync(logFile, '');
const app = await startApp({ ...bench.env, ...simulators.env, QUERY_LOG_FILE: logFile }, ['--import', 'tsx', '--import', path.join(projectRoot, 'bench/queries/log-queries.ts')]);
try {
  // A first purchase warms the caches (catalogue, compiled schemas); only the next ones count.
  const log = new RequestLog();
  await purchaseAsGuest(new BenchClient(app.url, log, '198.51.100.7'));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  fs.writeFileSync(logFile, '');
  const requests = new Map<string, number>();
  const counting = new RequestLog();
  counting.measuring = true;
  for (let i = 0; i < purchases; i += 1) await purchaseAsGuest(new BenchClient(app.url, counting, `198.51.100.${10 + i}`));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const [step, recorder] of counting.steps) requests.set(step, recorder.summary().count);
  const lines = fs.readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line);
  const perRequest = tally(lines);
  let statements = 0;
  let commits = 0;
  console.log(`per purchase (${purchases} purchases; requests: ${[...requests].map(([step, count]) => `${step} ${count / purchases}`).join(', ')})`);
  for (const [key, entry] of [...perRequest].sort((a, b) => b[1].commits - a[1].commits)) {
    statements += entry.statements;
    commits += entry.commits;
    console.log(`${(entry.statements / purchases).toFixed(1).padStart(6)} statements ${(entry.commits / purchases).toFixed(1).padStart(6)} commits  ${key}`);
    if (isShowing) for (const [text, count] of entry.texts) console.log(`        ${(count / purchases).toFixed(1).padStart(5)}× ${text}`);
  }
  console.log(`${(statements / purchases).toFixed(1).padStart(6)} statements ${(commits / purchases).toFixed(1).padStart(6)} commits  in all`);
} finally {
  await app.stop();
  for (const process of simulators.processes) await process.stop();
  fs.rmSync(logFile, { force: true });
}
