import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { payOrderInSandbox, placeOrderAsGuest } from '../support/page-purchase.ts';
import { beijingDate } from '../support/purchase-api.ts';

const chromiumPath = inject('chromiumPath');
const suite = useBrowserSuite();
// Issuing and endorsing go through the reference insurer on a shared, slow machine.
const INSURER = { timeout: 90_000 };

/** An amount as the site shows it in Chinese: ¥ and two decimals. */
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Opens 更改出行日期 on the policy, sets a new last day and waits for the re-quote; the difference in fen (positive: to pay). */
async function quoteNewEnd(page: Page, coverEnd: string): Promise<number> {
  await page.getByTestId('my-policy').first().getByTestId('date-change-open').click();
  await page.getByTestId('date-change-current').waitFor();
  await page.getByTestId('date-change-end').fill(coverEnd);
  const difference = page.getByTestId('date-change-difference');
  await difference.waitFor();
  return Number(await difference.getAttribute('data-fen'));
}

describe.skipIf(!chromiumPath)('更改出行日期 in 我的保险, in Chromium', () => {
  it('R-POL-10 at 375 px a guest shortens a paid trip and gets the difference back at once, then lengthens it, pays the extra in the sandbox and comes back to the new dates', async () => {
    const { page, problems } = await suite.open('/products/schengen-visa', { width: 375, height: 740 });
    // Ten days from ten days ahead: the 10-day price band.
    const { orderId } = await placeOrderAsGuest(page);
    await payOrderInSandbox(page, suite.server.url, orderId);

    await page.goto(`${suite.server.url}/account/insurance`, { waitUntil: 'networkidle' });
    const cover = page.getByTestId('my-policy').first().getByTestId('my-policy-cover');
    await cover.waitFor();
    expect(await cover.textContent()).toBe(`${beijingDate(10)} – ${beijingDate(19)}`);

    // (1) Five days instead of ten: a cheaper band, refunded as soon as the insurer endorses.
    const refund = -(await quoteNewEnd(page, beijingDate(14)));
    expect(refund).toBeGreaterThan(0);
    expect(await page.getByTestId('date-change-difference').textContent()).toBe(`退还 ${yuan(refund)}`);
    expect(await page.getByTestId('date-change-confirm').textContent()).toContain(`退还 ${yuan(refund)}`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('date-change-confirm').click();
    const done = page.getByTestId('date-change-done');
    await done.waitFor(INSURER);
    expect(await done.textContent()).toContain(`${beijingDate(10)} – ${beijingDate(14)}`);
    expect(await done.textContent()).toContain(yuan(refund));
    await page.getByTestId('date-change-close').click();
    await expect.poll(() => cover.textContent()).toBe(`${beijingDate(10)} – ${beijingDate(14)}`);

    // (2) Twenty days: a dearer band, paid on the provider's page before anything changes.
    const extra = await quoteNewEnd(page, beijingDate(29));
    expect(extra).toBeGreaterThan(0);
    expect(await page.getByTestId('date-change-difference').textContent()).toBe(`补缴 ${yuan(extra)}`);
    expect(await page.getByTestId('date-change-confirm').textContent()).toContain(`补缴 ${yuan(extra)}`);
    await page.getByTestId('date-change-confirm').click();
    await page.getByTestId('sandbox-pay').click();
    await page.waitForURL('**/account/insurance/date-changes/*');
    await page.getByTestId('date-change-endorsed').waitFor(INSURER);
    expect(await page.getByTestId('date-change-new-dates').textContent()).toBe(`${beijingDate(10)} – ${beijingDate(29)}`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('date-change-to-mine').click();
    await expect.poll(() => cover.textContent()).toBe(`${beijingDate(10)} – ${beijingDate(29)}`);
    expect(problems).toEqual([]);
  });
});
