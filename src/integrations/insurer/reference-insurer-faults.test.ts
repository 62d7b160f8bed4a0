import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceInsurer } from '../../../simulators/reference-insurer/start-reference-insurer.ts';
import type { HttpInsurerAdapter } from './http-insurer-adapter.ts';
import { newIdempotencyKey, retryUntilSettled, sampleApplication, startTestInsurer } from './insurer-test-fixtures.ts';

/** mulberry32: a seeded generator, so a failing run can be replayed with the same failures. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SUBMISSIONS = 100;

describe('reference insurer under failures (R-POL-9)', () => {
  let insurer: ReferenceInsurer;
  let adapter: HttpInsurerAdapter;

  beforeAll(async () => {
    ({ insurer, adapter } = await startTestInsurer({ failureRate: 0.3, latencyMs: 5, random: seeded(20_260_601) }));
  });
  afterAll(() => insurer.close());

  // A few seconds on a quiet machine; far longer when the 2 cores are shared.
  it('R-POL-9 issues exactly one policy per idempotency key over 100 concurrent submissions with 30 % failures', { timeout: 60_000 }, async () => {
    const keys = Array.from({ length: SUBMISSIONS }, () => newIdempotencyKey());
    const applications = keys.map(() => sampleApplication());

    const settled = await Promise.all(keys.map((idempotencyKey, index) => retryUntilSettled(() => adapter.submitApplication(applications[index]!, { idempotencyKey }))));

    const numbers = settled.map(({ result }) => (result.status === 'issued' ? result.policyNumber : `declined:${result.reason}`));
    expect(numbers.every((number) => /^RI\d{14}$/.test(number))).toBe(true);
    expect(new Set(numbers).size).toBe(SUBMISSIONS);

    const stats = insurer.stats();
    expect(stats.policiesIssued).toBe(SUBMISSIONS);
    // The failures happened, of both kinds, and the ones after the work were answered by replay.
    expect(stats.failed).toBeGreaterThan(SUBMISSIONS * 0.15);
    expect(stats.failedAfterWork).toBeGreaterThan(0);
    expect(stats.failedAfterWork).toBeLessThan(stats.failed);
    expect(stats.duplicated).toBeGreaterThanOrEqual(stats.failedAfterWork);
    expect(stats.requests).toBe(stats.answered + stats.failed);
    expect(settled.reduce((sum, { attempts }) => sum + attempts, 0)).toBe(stats.requests);

    // Asked again later, every key still names its one policy, and the insurer holds each as issued.
    for (const [index, idempotencyKey] of keys.slice(0, 10).entries()) {
      const { result } = await retryUntilSettled(() => adapter.submitApplication(applications[index]!, { idempotencyKey }));
      expect(result.status === 'issued' && result.policyNumber).toBe(numbers[index]);
      const { result: policy } = await retryUntilSettled(() => adapter.getPolicy(numbers[index]!));
      expect(policy?.premiumFen).toBe(applications[index]!.premiumFen);
    }
    expect(insurer.stats().policiesIssued).toBe(SUBMISSIONS);
  });
});
