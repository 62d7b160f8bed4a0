import autocannon from 'autocannon';
import type { RunShape, ScenarioRun, WindowHooks } from '../scenarios/scenario-run.ts';
import { LatencyRecorder, type LatencySummary } from '../stats/latency.ts';
import { visitorAddress } from './visitor-address.ts';

// Requests without an address of their own come from these visitors in turn (X-Forwarded-For, read by
// the server behind its "proxy"): one client address would meet the per-IP limit (1,000,000 a
// minute) within a run of 30 s at this rate, a new address per request would fill the limiter's memory.
const VISITORS = Array.from({ length: 64 }, visitorAddress);
let nextVisitor = 0;

/** Each request gets a visitor's address unless its own setup gave it one. */
function fromVisitors(requests: autocannon.Request[]): autocannon.Request[] {
  return requests.map((request) => {
    // autocannon's Request type has an index signature, which widens the hook's type.
    const setup = request.setupRequest as ((prepared: autocannon.Request, context: object) => autocannon.Request) | undefined;
    const setupRequest = (prepared: autocannon.Request, context: object): autocannon.Request => {
      const own = setup ? setup(prepared, context) : prepared;
      if (own.headers?.['x-forwarded-for']) return own;
      nextVisitor = (nextVisitor + 1) % VISITORS.length;
      return { ...own, headers: { ...own.headers, 'x-forwarded-for': VISITORS[nextVisitor] as string } };
    };
    return { ...request, setupRequest };
  });
}

export interface LoadResult {
  requestsPerSecond: number;
  latency: LatencySummary;
  errors: number;
  errorSamples: string[];
}

export interface LoadOptions {
  url: string;
  requests?: autocannon.Request[];
  headers?: Record<string, string>;
  connections: number;
  durationS: number;
  expectedStatus?: number;
  window?: WindowHooks | undefined;
}

function run(options: LoadOptions, onResponse: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: options.url, connections: options.connections, duration: options.durationS, headers: { 'accept-language': 'en', ...options.headers }, requests: fromVisitors(options.requests ?? [{}]) },
      (error: unknown, result: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => onResponse(status, ms));
  });
}

/**
 * Closed-loop load from autocannon on `connections` kept-alive connections: a warm-up (JIT, pools,
 * caches) whose figures are dropped, then the measured run. Every latency is kept (autocannon's own
 * summary has no p95); every answer with another status than expected is an error.
 */
export async function measureLoad(options: LoadOptions & { warmupS: number }): Promise<LoadResult> {
  const expected = options.expectedStatus ?? 200;
  const samples: string[] = [];
  if (options.warmupS > 0) await run({ ...options, durationS: options.warmupS }, () => undefined);
  const latencies = new LatencyRecorder();
  let unexpected = 0;
  options.window?.start();
  const result = await run(options, (status, ms) => {
    latencies.record(ms);
    if (status === expected) return;
    unexpected += 1;
    if (samples.length < 5) samples.push(`answered ${status}, expected ${expected}`);
  });
  options.window?.end();
  const failures = result.errors + result.timeouts;
  if (failures > 0) samples.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  return { requestsPerSecond: Math.round(latencies.count / options.durationS), latency: latencies.summary(), errors: unexpected + failures, errorSamples: samples };
}

/** A single-request scenario: its requests per second are its rate. */
export async function requestScenario(url: string, shape: RunShape & { connections: number }, options: { requests?: autocannon.Request[]; expectedStatus?: number } = {}): Promise<ScenarioRun> {
  const result = await measureLoad({ url, connections: shape.connections, durationS: shape.durationS, warmupS: shape.warmupS, window: shape.window, ...options });
  return { ...result, rate: result.requestsPerSecond, unit: 'req/s' };
}
