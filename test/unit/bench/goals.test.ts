import { describe, expect, it } from 'vitest';
import { checkGoals, type MeasuredScenario } from '../../../bench/goals.ts';

const baselines = { bareRps: 40_000, select1Rps: 10_000 };
const measured = (overrides: Partial<MeasuredScenario>): MeasuredScenario => ({ scenario: 'quote', rate: 0, requestsPerSecond: 0, p99Ms: 1, peakRssMb: 200, startRssMb: 180, endRssMb: 185, ...overrides });
const verdicts = (checks: ReturnType<typeof checkGoals>) => Object.fromEntries(checks.map((check) => [check.goal, check.isMet]));

describe('bench goals (issue 7 targets)', () => {
  it('judges quote against half the bare route and a 20 ms p99', () => {
    expect(verdicts(checkGoals(measured({ requestsPerSecond: 20_000, p99Ms: 19.9 }), baselines, { database: 'postgres', durationS: 10 }))).toMatchObject({ 'throughput vs bare Fastify': true, 'p99 latency': true });
    const slow = checkGoals(measured({ requestsPerSecond: 19_999, p99Ms: 20 }), baselines, { database: 'postgres', durationS: 10 });
    expect(verdicts(slow)).toMatchObject({ 'throughput vs bare Fastify': false, 'p99 latency': false });
    expect(slow.find((check) => check.goal === 'throughput vs bare Fastify')?.measured).toBe('50 %');
  });

  it('holds purchases to 300/s on PostgreSQL and 30/s on PGlite', () => {
    const purchase = measured({ scenario: 'purchase', rate: 45, p99Ms: 80 });
    expect(verdicts(checkGoals(purchase, baselines, { database: 'postgres', durationS: 10 }))['completed purchases/s']).toBe(false);
    expect(verdicts(checkGoals(purchase, baselines, { database: 'pglite', durationS: 10 }))).toMatchObject({ 'completed purchases/s': true, 'p99 per request': true });
  });

  it('holds my-policies to 40 % of select 1, and every app scenario to 300 MB', () => {
    expect(verdicts(checkGoals(measured({ scenario: 'my-policies', requestsPerSecond: 4_000, peakRssMb: 300 }), baselines, { database: 'postgres', durationS: 10 }))).toMatchObject({
      'throughput vs select 1': true,
      'server peak RSS': false,
    });
    expect(checkGoals(measured({ scenario: 'baseline-bare' }), baselines, { database: 'postgres', durationS: 10 })).toEqual([]);
  });

  it('judges memory growth only on a run of five minutes or more', () => {
    const growing = measured({ startRssMb: 200, endRssMb: 260 });
    expect(verdicts(checkGoals(growing, baselines, { database: 'postgres', durationS: 10 }))['RSS growth over the run']).toBeNull();
    expect(verdicts(checkGoals(growing, baselines, { database: 'postgres', durationS: 300 }))['RSS growth over the run']).toBe(false);
    expect(verdicts(checkGoals(measured({ startRssMb: 200, endRssMb: 215 }), baselines, { database: 'postgres', durationS: 300 }))['RSS growth over the run']).toBe(true);
  });
});
