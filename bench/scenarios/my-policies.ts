import { BenchClient, RequestLog } from '../load/bench-client.ts';
import { runVirtualUsers } from '../load/virtual-users.ts';
import type { SignedInCustomer } from './customer-sessions.ts';
import { runFromLog, type RunShape, type ScenarioRun } from './scenario-run.ts';

/**
 * 我的保险 (R-POL-10): a signed-in customer lists their 20 policies (names decrypted for display,
 * document numbers masked) and opens one, as the web app does: its e-policy PDF. Each virtual user
 * is one of the seeded customers, on that customer's session. Measured as it stands once each
 * e-policy has been opened before (see openEveryPolicyOnce).
 */
export async function measureMyPolicies(url: string, customers: readonly SignedInCustomer[], shape: RunShape & { users: number }): Promise<ScenarioRun> {
  const log = new RequestLog();
  const clients = customers.map((customer) => {
    const client = new BenchClient(url, log);
    client.setCookie('bt_sid', customer.sessionCookie);
    return { client, policyIds: customer.policyIds };
  });
  await openEveryPolicyOnce(url, customers, shape.users);
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

/**
 * Every seeded policy's e-policy opened once, before the run and outside its figures, `users` at a
 * time: a kept document is valid only for the address it prints (`PUBLIC_URL`), and each bench run
 * starts the server on a new port, so without this the window would measure first opens — renders
 * — of the same 100 documents on every run, where a deployment (one address) renders each document
 * once. Prints what the first opens took, which is the cost of a document not opened before.
 */
async function openEveryPolicyOnce(url: string, customers: readonly SignedInCustomer[], users: number): Promise<void> {
  const opens = customers.flatMap((customer) => customer.policyIds.map((policyId) => ({ customer, policyId })));
  const clients = new Map(customers.map((customer) => [customer, new BenchClient(url, new RequestLog())]));
  for (const [customer, client] of clients) client.setCookie('bt_sid', customer.sessionCookie);
  const startedAt = performance.now();
  let next = 0;
  const opener = async () => {
    for (let open = opens[next++]; open; open = opens[next++]) await clients.get(open.customer)?.get('first open', `/api/site/policies/${open.policyId}/e-policy.pdf`);
  };
  await Promise.all(Array.from({ length: users }, opener));
  const seconds = (performance.now() - startedAt) / 1000;
  console.log(`  first opens of ${opens.length} e-policies (rendered and kept unless kept already): ${seconds.toFixed(1)} s, ${(opens.length / seconds).toFixed(1)}/s`);
}
