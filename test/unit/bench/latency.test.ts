import { describe, expect, it } from 'vitest';
import { LatencyRecorder, percentile, summarise } from '../../../bench/stats/latency.ts';

describe('bench latency percentiles', () => {
  it('takes the nearest rank, never an interpolated value', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([3, 7], 50)).toBe(3);
    expect(percentile([3, 7], 51)).toBe(7);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it('sorts what it is given and reports the tail of an uneven run', () => {
    const values = [...Array.from({ length: 990 }, () => 1), ...Array.from({ length: 10 }, (_, i) => 100 + i)].reverse();
    expect(summarise(values)).toEqual({ count: 1000, meanMs: 2.04, p50Ms: 1, p95Ms: 1, p99Ms: 1, maxMs: 109 });
    expect(summarise([...values, 500]).p99Ms).toBe(100);
  });

  it('keeps every recorded latency past its first allocation', () => {
    const recorder = new LatencyRecorder();
    for (let i = 10_000; i >= 1; i -= 1) recorder.record(i / 10);
    expect(recorder.count).toBe(10_000);
    expect(recorder.summary()).toMatchObject({ p50Ms: 500, p95Ms: 950, p99Ms: 990, maxMs: 1000 });
  });
});
