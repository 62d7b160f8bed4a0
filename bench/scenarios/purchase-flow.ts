import { randomUUID } from 'node:crypto';
import type { BenchClient } from '../load/bench-client.ts';
import { randomApplication } from './applications.ts';

interface Sale {
  saleId: string;
  steps: string[];
  consents: Array<{ purpose: 'sensitive_pi' | 'share_with_insurer'; version: number }>;
}

// After the documents of the product: the insured persons' authorisation (insuring a spouse) and the final confirmation.
const STATEMENTS = ['authorisation', 'confirmation'];
const ISSUE_TIMEOUT_MS = 120_000;
// As the order page does (web/src/purchase/useOrders.ts): the server holds each answer until the
// status changes (or this many seconds pass).
const WAIT_SECONDS = 20;
/** The step name of those waiting answers: held on purpose, so timed apart from the other requests. */
export const WAIT_STEP = 'wait-issued';

/**
 * One guest's whole purchase, request by request as the web app makes them (R-POL-3 … R-POL-9):
 * session and guest sign-in, the product page's quote, the sale with every document read and
 * confirmed, the application of two insured persons, the payment, the pay button on the sandbox's
 * page, the return to the site, then the order page waiting (one long request, or a few) until the policy is issued. Resolves when it is issued; any
 * unexpected answer rejects.
 */
export async function purchaseAsGuest(client: BenchClient): Promise<{ orderId: string }> {
  await client.get('session', '/api/site/session');
  await client.post('guest', '/api/site/auth/guest');
  return purchase(client);
}

/** The purchase itself, for a session that already exists (a guest's, or a signed-in customer's). */
export async function purchase(client: BenchClient): Promise<{ orderId: string }> {
  const { productCode, application, quote } = randomApplication();
  await client.post('quote', '/api/site/quotes', quote);
  const sale = (await client.post('sale', '/api/site/sales', { productCode }, 201)).json<Sale>();
  for (const kind of [...sale.steps, ...STATEMENTS]) {
    const shown = (await client.get('step', `/api/site/sales/${sale.saleId}/steps/${kind}`)).json<{ contentHash: string }>();
    await client.post('confirm', `/api/site/sales/${sale.saleId}/steps/${kind}/confirmation`, { contentHash: shown.contentHash });
  }
  const version = (purpose: string) => ({ version: sale.consents.find((consent) => consent.purpose === purpose)?.version ?? 0 });
  const consents = { sensitivePi: version('sensitive_pi'), shareWithInsurer: version('share_with_insurer') };
  const order = (await client.post('order', '/api/site/orders', { saleId: sale.saleId, idempotencyKey: randomUUID(), application, consents }, 201)).json<{ id: string }>();
  const { payUrl } = (await client.post('payment', `/api/site/orders/${order.id}/payment`)).json<{ payUrl: string }>();
  await client.post('sandbox-pay', `${payUrl}/pay`, '', 303);
  // Back on the site, the page asks the server, which asks the provider (the notification may be later).
  const returned = (await client.post('payment-return', `/api/site/orders/${order.id}/payment/return`)).json<{ status: string }>();
  await awaitIssued(client, order.id, returned.status);
  return { orderId: order.id };
}

/** The order page waiting for the policy: each answer comes when the status changes. */
async function awaitIssued(client: BenchClient, orderId: string, returned: string): Promise<void> {
  const deadline = Date.now() + ISSUE_TIMEOUT_MS;
  for (let status = returned; ; ) {
    if (status === 'issued') return;
    if (status !== 'awaiting_payment' && status !== 'paid') throw new Error(`order ended ${status}, not issued`);
    if (Date.now() > deadline) throw new Error(`order not issued within ${ISSUE_TIMEOUT_MS / 1000} s`);
    ({ status } = (await client.get(WAIT_STEP, `/api/site/orders/${orderId}?waitWhile=${status}&waitSeconds=${WAIT_SECONDS}`)).json<{ status: string }>());
  }
}
