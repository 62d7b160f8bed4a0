import type { RequestLog } from '../load/bench-client.ts';
import type { LatencySummary } from '../stats/latency.ts';

/** What one scenario measured from the client's side; the orchestrator adds the server's CPU and memory. */
export interface ScenarioRun {
  /** Completed purchases per second for purchase; requests per second otherwise. */
  rate: number;
  unit: 'req/s' | 'purchases/s';
  requestsPerSecond: number;
  latency: LatencySummary;
  /** Multi-request scenarios: latency of each kind of request. */
  steps?: Record<string, LatencySummary>;
  errors: number;
  errorSamples: string[];
  /** Completed flows over the whole run, warm-up and drain included (for commits per purchase). */
  flowsInRun?: number;
}

/** Called when the measured window opens and closes (after the warm-up): the server's meter runs in between. */
export interface WindowHooks {
  start(): void;
  end(): void;
}

export interface RunShape {
  warmupS: number;
  durationS: number;
  window?: WindowHooks;
}

/** A virtual-user run's request log as a scenario result. */
export function runFromLog(log: RequestLog, durationS: number, rate: number, unit: ScenarioRun['unit']): ScenarioRun {
  return {
    rate,
    unit,
    requestsPerSecond: Math.round(log.requests / durationS),
    latency: log.all.summary(),
    steps: Object.fromEntries([...log.steps].map(([step, recorder]) => [step, recorder.summary()])),
    errors: log.errors,
    errorSamples: log.errorSamples,
  };
}
