import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fetchJson, send } from './page-fetch.ts';
import { allConsents, schengenApplication, type StartedSale } from './purchase-api.ts';

/**
 * A guest's Schengen order placed from a site page through the site API, as the purchase pages send
 * it (a guest session, the readings shown and confirmed, the application with its consents).
 */
export async function placeOrderAsGuest(page: Page) {
  // The session answer issues the CSRF cookie the API calls below send back.
  await fetchJson(page, '/api/site/session');
  const guest = await send(page, 'POST', '/api/site/auth/guest');
  expect(guest.status, JSON.stringify(guest.json)).toBe(200);
  const sale = (await send(page, 'POST', '/api/site/sales', { productCode: 'schengen-visa' })).json as unknown as StartedSale;
  for (const kind of [...sale.steps, 'authorisation', 'confirmation']) {
    const shown = await fetchJson<{ contentHash: string }>(page, `/api/site/sales/${sale.saleId}/steps/${kind}`);
    expect((await send(page, 'POST', `/api/site/sales/${sale.saleId}/steps/${kind}/confirmation`, { contentHash: shown.contentHash })).status).toBe(200);
  }
  const application = schengenApplication();
  const created = await send(page, 'POST', '/api/site/orders', { saleId: sale.saleId, idempotencyKey: randomUUID(), application, consents: allConsents(sale.consents) });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return { orderId: created.json.id as string, premiumFen: created.json.premiumFen as number, application };
}

// Issuing goes through the reference insurer on a shared, slow machine.
const ISSUING = { timeout: 90_000 };

/** From the order page: 去支付, 确认支付 on the sandbox's page, back on the paid page until the policy is issued. */
export async function payOrderInSandbox(page: Page, baseUrl: string, orderId: string): Promise<void> {
  await page.goto(`${baseUrl}/orders/${orderId}`, { waitUntil: 'networkidle' });
  await page.getByTestId('order-pay').click();
  await page.getByTestId('sandbox-pay').click();
  await page.waitForURL(`**/orders/${orderId}/paid`);
  await page.getByTestId('paid-issued').waitFor(ISSUING);
}
