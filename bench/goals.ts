/** What a scenario measured, as far as the targets need it. */
export interface MeasuredScenario {
  scenario: string;
  /** Completed purchases per second for purchase; requests per second otherwise. */
  rate: number;
  requestsPerSecond: number;
  p99Ms: number;
  peakRssMb: number;
  startRssMb: number;
  endRssMb: number;
}

export interface Baselines {
  bareRps: number;
  select1Rps: number;
}

export interface GoalCheck {
  scenario: string;
  goal: string;
  target: string;
  measured: string;
  /** null: not judged by this run (e.g. memory growth needs a 5-minute run). */
  isMet: boolean | null;
}

const percent = (value: number) => `${Math.round(value * 100)} %`;
const APP_SCENARIOS = new Set(['healthz', 'operator', 'not-found', 'quote', 'purchase', 'my-policies', 'verify']);
/** Growth below this share of the starting RSS is noise (heap sizing, caches filling), not a leak. */
const GROWTH_TOLERANCE = 0.1;
const GROWTH_RUN_SECONDS = 300;

/**
 * The targets of issue 7 for this 2-core machine, next to what the run measured. Throughput targets
 * are ratios to the baselines of the same run, so a busy machine moves both sides.
 */
export function checkGoals(result: MeasuredScenario, baselines: Baselines, run: { database: 'postgres' | 'pglite'; durationS: number }): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const add = (goal: string, target: string, measured: string, isMet: boolean | null) => checks.push({ scenario: result.scenario, goal, target, measured, isMet });
  if (result.scenario === 'quote') {
    add('throughput vs bare Fastify', '≥ 50 %', percent(result.requestsPerSecond / baselines.bareRps), result.requestsPerSecond >= 0.5 * baselines.bareRps);
    add('p99 latency', '< 20 ms', `${result.p99Ms} ms`, result.p99Ms < 20);
  }
  if (result.scenario === 'my-policies') {
    add('throughput vs select 1', '≥ 40 %', percent(result.requestsPerSecond / baselines.select1Rps), result.requestsPerSecond >= 0.4 * baselines.select1Rps);
  }
  if (result.scenario === 'purchase') {
    const floor = run.database === 'postgres' ? 300 : 30;
    add('completed purchases/s', `≥ ${floor} (${run.database === 'postgres' ? 'PostgreSQL' : 'PGlite'})`, String(result.rate), result.rate >= floor);
    add('p99 per request', '< 100 ms', `${result.p99Ms} ms`, result.p99Ms < 100);
  }
  if (APP_SCENARIOS.has(result.scenario)) {
    add('server peak RSS', '< 300 MB', `${result.peakRssMb} MB`, result.peakRssMb < 300);
    const growth = result.endRssMb - result.startRssMb;
    const isLongEnough = run.durationS >= GROWTH_RUN_SECONDS;
    add('RSS growth over the run', `none over ${GROWTH_RUN_SECONDS / 60} min`, `${growth >= 0 ? '+' : ''}${growth} MB in ${run.durationS} s`, isLongEnough ? growth <= GROWTH_TOLERANCE * result.startRssMb : null);
  }
  return checks;
}
