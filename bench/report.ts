import type { GoalCheck } from './goals.ts';
import type { LatencySummary } from './stats/latency.ts';

/** One row of the results: the client's view of a scenario and the server's CPU and memory meanwhile. */
export interface ScenarioResult {
  scenario: string;
  about: string;
  unit: 'req/s' | 'purchases/s' | 'tps';
  rate: number;
  requestsPerSecond: number;
  latency: LatencySummary | null;
  steps?: Record<string, LatencySummary>;
  errors: number;
  errorSamples: string[];
  server: { cpuPercentOfCore: number; peakRssMb: number; startRssMb: number; endRssMb: number } | null;
  /** Every PostgreSQL process's CPU over the window, as a share of one core (PostgreSQL runs only). */
  databaseCpuPercentOfCore?: number | null;
  vsBare: number | null;
  vsSelect1: number | null;
  extra?: Record<string, number | string | null>;
}

const cell = (value: string | number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '–' : typeof value === 'number' ? value.toLocaleString('en') : value);

/** A Markdown table with aligned columns: readable in the terminal and pasted as is into docs/performance.md. */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  const text = [headers.map(String), ...rows.map((row) => row.map(cell))];
  const widths = headers.map((_, column) => Math.max(...text.map((row) => [...(row[column] ?? '')].length)));
  const line = (row: readonly string[]) => `| ${row.map((value, column) => value + ' '.repeat((widths[column] ?? 0) - [...value].length)).join(' | ')} |`;
  return [line(text[0] as string[]), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...text.slice(1).map(line)].join('\n');
}

const share = (ratio: number | null) => (ratio === null ? null : `${Math.round(ratio * 100)} %`);

export function resultsTable(results: readonly ScenarioResult[]): string {
  return markdownTable(
    ['scenario', 'rate', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'vs bare', 'vs select1', 'server CPU', 'database CPU', 'peak RSS', 'RSS start→end'],
    results.map((result) => [
      result.scenario,
      `${result.rate.toLocaleString('en')} ${result.unit}`,
      result.unit === 'tps' ? null : result.requestsPerSecond,
      result.latency?.p50Ms,
      result.latency?.p95Ms,
      result.latency?.p99Ms,
      result.errors,
      share(result.vsBare),
      share(result.vsSelect1),
      result.server ? `${result.server.cpuPercentOfCore} %` : null,
      typeof result.databaseCpuPercentOfCore === 'number' ? `${result.databaseCpuPercentOfCore} %` : null,
      result.server ? `${result.server.peakRssMb} MB` : null,
      result.server ? `${result.server.startRssMb}→${result.server.endRssMb} MB` : null,
    ]),
  );
}

export function stepsTable(results: readonly ScenarioResult[]): string {
  const rows = results.flatMap((result) =>
    Object.entries(result.steps ?? {}).map(([step, latency]) => [result.scenario, step, latency.count, latency.p50Ms, latency.p95Ms, latency.p99Ms, latency.maxMs]),
  );
  return rows.length === 0 ? '' : markdownTable(['scenario', 'request', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], rows);
}

export function goalsTable(checks: readonly GoalCheck[]): string {
  return markdownTable(
    ['scenario', 'goal', 'target', 'measured', 'met'],
    checks.map((check) => [check.scenario, check.goal, check.target, check.measured, check.isMet === null ? 'n/a' : check.isMet ? 'met' : 'NOT MET']),
  );
}
