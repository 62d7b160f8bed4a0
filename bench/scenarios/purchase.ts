import { BenchClient, RequestLog } from '../load/bench-client.ts';
import { runVirtualUsers } from '../load/virtual-users.ts';
import { visitorAddress } from '../load/visitor-address.ts';
import { purchaseAsGuest, WAIT_STEP } from './purchase-flow.ts';
import { runFromLog, type RunShape, type ScenarioRun } from './scenario-run.ts';

/**
 * The whole guest purchase (purchase-flow.ts) by `buyers` people at once, each a new guest with an
 * address of their own, counted as completed (issued) purchases per second.
 */
export async function measurePurchase(url: string, shape: RunShape & { buyers: number }): Promise<ScenarioRun> {
  const log = new RequestLog(new Set([WAIT_STEP]));
  const run = await runVirtualUsers({
    users: shape.buyers,
    warmupMs: shape.warmupS * 1000,
    durationMs: shape.durationS * 1000,
    log,
    window: shape.window,
    flow: () => purchaseAsGuest(new BenchClient(url, log, visitorAddress())),
  });
  return { ...runFromLog(log, shape.durationS, run.perSecond, 'purchases/s'), flowsInRun: run.total };
}
