import { BenchClient, RequestLog } from '../load/bench-client.ts';
import { runVirtualUsers } from '../load/virtual-users.ts';
import type { SignedInCustomer } from './customer-sessions.ts';
import { runFromLog, type RunShape, type ScenarioRun } from './scenario-run.ts';

/**
 * 我的保险 (R-POL-10): a signed-in customer lists their 20 policies (names decrypted for display,
 * document numbers masked) and opens one, as the web app does: its e-policy PDF. Each virtual user
 * is one of the seeded customers, on that customer's session.
 */
export async function measureMyPolicies(url: string, customers: readonly SignedInCustomer[], shape: RunShape & { users: number }): Promise<ScenarioRun> {
  const log = new RequestLog();
  const clients = customers.map((customer) => {
    const client = new BenchClient(url, log);
    client.setCookie('bt_sid', customer.sessionCookie);
    return { client, policyIds: customer.policyIds };
  });
  let turn = 0;
  await runVirtualUsers({
    users: shape.users,
    warmupMs: shape.warmupS * 1000,
    durationMs: shape.durationS * 1000,
    log,
    window: shape.window,
    flow: async () => {
      turn = (turn + 1) % clients.length;
      const { client, policyIds } = clients[turn] as (typeof clients)[number];
      const listed = (await client.get('list', '/api/site/policies')).json<{ policies: unknown[] }>();
      if (listed.policies.length !== policyIds.length) throw new Error(`listed ${listed.policies.length} policies, expected ${policyIds.length}`);
      const policyId = policyIds[Math.floor(Math.random() * policyIds.length)] as string;
      await client.get('open e-policy', `/api/site/policies/${policyId}/e-policy.pdf`);
    },
  });
  return runFromLog(log, shape.durationS, Math.round(log.all.count / shape.durationS), 'req/s');
}
