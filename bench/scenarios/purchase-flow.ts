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
// The order page polls every 2 s (web/src/purchase/useOrders.ts); half that, so the bench sees an
// issued policy sooner without flooding the server with polls.
const POLL_INTERVAL_MS = 1_000;
const ISSUE_TIMEOUT_MS = 120_000;

/**
 * One guest's whole purchase, request by request as the web app makes them (R-POL-3 … R-POL-9):
 * session and guest sign-in, the product page's quote, the sale with every document read and
 * confirmed, the application of two insured persons, the payment, the pay button on the sandbox's
 * page, the return to the site, then the order page polled until the policy is issued. Resolves when it is issued; any
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
  await client.post('payment-return', `/api/site/orders/${order.id}/payment/return`);
  await awaitIssued(client, order.id);
  return { orderId: order.id };
}

async function awaitIssued(client: BenchClient, orderId: string): Promise<void> {
  const deadline = Date.now() + ISSUE_TIMEOUT_MS;
  for (;;) {
    const { status } = (await client.get('poll', `/api/site/orders/${orderId}`)).json<{ status: string }>();
    if (status === 'issued') return;
    if (status !== 'awaiting_payment' && status !== 'paid') throw new Error(`order ended ${status}, not issued`);
    if (Date.now() > deadline) throw new Error(`order not issued within ${ISSUE_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
