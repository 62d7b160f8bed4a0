import type { WindowHooks } from '../scenarios/scenario-run.ts';
import { UnexpectedStatus, type RequestLog } from './bench-client.ts';

export interface VirtualUserRun {
  /** Flows that finished inside the measured window. */
  completed: number;
  perSecond: number;
  /** Flows still running at the end of the window, waited for so that their failures count. */
  drained: number;
  /** Every flow that completed: warm-up, window and drain. */
  total: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `users` people going through `flow` again and again, each starting the next as soon as the last
 * one ended (a closed loop, as autocannon's connections are): a warm-up, then `durationMs` measured.
 * A flow counts when it ends inside the window; flows still going at its end are waited for, so an
 * order that never issues is an error rather than silently dropped.
 */
export async function runVirtualUsers(options: { users: number; warmupMs: number; durationMs: number; log: RequestLog; flow: () => Promise<unknown>; window?: WindowHooks | undefined }): Promise<VirtualUserRun> {
  const { users, warmupMs, durationMs, log, flow, window } = options;
  const startedAt = performance.now();
  const windowStart = startedAt + warmupMs;
  const windowEnd = windowStart + durationMs;
  let completed = 0;
  let drained = 0;
  let total = 0;
  const warmup = setTimeout(() => {
    log.measuring = true;
    window?.start();
  }, warmupMs);
  const close = setTimeout(() => {
    log.measuring = false;
    window?.end();
  }, warmupMs + durationMs);

  const user = async (index: number) => {
    // Spread the first arrivals over a second: a thundering herd is not how people come.
    await sleep((index / users) * 1000);
    while (performance.now() < windowEnd) {
      try {
        await flow();
        const endedAt = performance.now();
        total += 1;
        if (endedAt >= windowStart && endedAt <= windowEnd) completed += 1;
        else if (endedAt > windowEnd) drained += 1;
      } catch (error) {
        if (!(error instanceof UnexpectedStatus)) log.fail(error instanceof Error ? error.message : String(error));
        // A failing server must not be hammered in a tight loop.
        await sleep(100);
      }
    }
  };
  await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
  clearTimeout(warmup);
  clearTimeout(close);
  log.measuring = false;
  return { completed, perSecond: Math.round((completed / (durationMs / 1000)) * 10) / 10, drained, total };
}
