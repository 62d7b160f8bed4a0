/** Latency percentiles in milliseconds, as the bench reports them. */
export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * The nearest-rank percentile of ascending `sorted` values: the smallest value with at least p % of
 * the values at or below it. No interpolation, so every figure reported is a latency that happened.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0] as number;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function summarise(latenciesMs: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    meanMs: sorted.length === 0 ? Number.NaN : round(total / sorted.length),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(percentile(sorted, 100)),
  };
}

/**
 * Every latency of a run, kept whole (a run of 300,000 requests is 2.4 MB): percentiles of a
 * histogram's buckets would blur exactly the tail the targets are about. Grows by doubling.
 */
export class LatencyRecorder {
  private values = new Float64Array(4096);
  private size = 0;

  record(ms: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size] = ms;
    this.size += 1;
  }

  get count(): number {
    return this.size;
  }

  summary(): LatencySummary {
    return summarise(this.values.subarray(0, this.size));
  }
}
