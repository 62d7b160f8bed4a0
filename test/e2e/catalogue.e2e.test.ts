import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite, type StaffAccount } from '../support/browser-suite.ts';
import { signInStaff } from '../support/staff-browser-sign-in.ts';

const chromiumPath = inject('chromiumPath');
const operations: StaffAccount = { username: 'ops.catalogue', name: '运营测试', role: 'operations', password: '' };
const suite = useBrowserSuite({ staff: [operations] });
const { open } = suite;

/**
 * Picks an option of the antd Select inside the element with `testId` (typing the label into its
 * search box when it has one), and checks the select shows it. Dropdowns animate open on a busy
 * machine; a click that lands before one is ready is tried again.
 */
async function choose(page: Page, testId: string, label: string, options: { search?: boolean } = {}): Promise<void> {
  const select = page.getByTestId(testId).locator('.ant-select').first();
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    if (options.search) await select.locator('input').fill(label);
    try {
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click({ timeout: 5_000 });
      await expect.poll(() => select.textContent(), { timeout: 3_000 }).toContain(label);
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`could not choose ${label} in ${testId}`);
}

// A slow, shared machine: give answers time to arrive.
const PATIENCE = { timeout: 20_000 };
const cardCodes = (page: Page) => page.getByTestId('product-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-code')));

/** A date `days` from now, as a date input takes it. */
function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(!chromiumPath)('product catalogue and quotes in Chromium', () => {
  it('R-POL-1 R-POL-3 browse, filter, open the Schengen product and get a quote for two travellers', async () => {
    const { page, problems } = await open('/');
    await page.getByTestId('site-nav').getByRole('link', { name: '保险产品' }).click();
    await page.getByTestId('products-title').waitFor();
    await expect.poll(() => cardCodes(page), PATIENCE).toHaveLength(9);

    await choose(page, 'filter-type', '境外旅行险');
    await choose(page, 'filter-destination', '法国', { search: true });
    await page.getByTestId('filter-days').locator('input').fill('10');
    await expect.poll(() => cardCodes(page), PATIENCE).toEqual(['schengen-visa', 'europe-discovery', 'global-explorer']);
    expect(new URL(page.url()).searchParams.get('destination')).toBe('FR');

    await page.getByTestId('products-search').locator('input').fill('签证旅行保险');
    await page.getByTestId('products-search').locator('input').press('Enter');
    await expect.poll(() => cardCodes(page), PATIENCE).toEqual(['schengen-visa']);

    await page.locator('[data-testid="product-card"][data-code="schengen-visa"]').getByTestId('product-details').click();
    await expect.poll(() => page.getByTestId('product-title').textContent(), PATIENCE).toBe('申根签证旅行保险');
    // Both plans side by side, the exclusions open on the page, the documents with their versions.
    expect(await page.getByTestId('plans-table').locator('thead th').count()).toBe(3);
    const exclusions = page.getByTestId('product-exclusions');
    expect(await exclusions.isVisible()).toBe(true);
    expect(await exclusions.textContent()).toContain('保险人不承担给付保险金的责任');
    expect(await page.getByTestId('product-fields').textContent()).toContain('护照号码');

    const quote = page.getByTestId('quote-form');
    await choose(page, 'quote-destinations', '法国', { search: true });
    await choose(page, 'quote-destinations', '德国', { search: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('quote-start').fill(dateIn(30));
    await page.getByTestId('quote-end').fill(dateIn(39));
    await page.getByTestId('quote-age-0').fill('34');
    await page.getByTestId('quote-add-insured').click();
    await page.getByTestId('quote-age-1').fill('36');
    // Standard plan, 10 days in the Schengen area: ¥46 for each adult.
    await expect.poll(() => page.getByTestId('quote-total').getAttribute('data-fen'), PATIENCE).toBe('9200');
    expect(await page.getByTestId('quote-total').textContent()).toContain('¥92.00');
    await quote.locator('label', { has: page.locator('[data-plan="premium"]') }).click();
    await expect.poll(() => page.getByTestId('quote-total').getAttribute('data-fen'), PATIENCE).toBe('13400');

    // An age the product does not cover is answered in words, next to the form.
    await page.getByTestId('quote-age-1').fill('85');
    await expect.poll(() => page.getByTestId('quote-error').textContent(), PATIENCE).toContain('0 至 80 周岁');
    // The browser reports the refused quote (400) it was told to expect; nothing else went wrong.
    expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
  });

  it('R-POL-1 compare plans of two products side by side, in English', async () => {
    const { page, context, problems } = await open('/products?type=outbound_travel');
    await context.addCookies([{ name: 'bt_lang', value: 'en', url: suite.server.url }]);
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.getByTestId('products-title').textContent(), PATIENCE).toBe('Insurance products');
    await page.locator('[data-testid="product-card"][data-code="schengen-visa"]').getByTestId('product-compare').click();
    await page.locator('[data-testid="product-card"][data-code="asia-easy"]').getByTestId('product-compare').click();
    await page.getByTestId('compare-go').click();
    await page.getByTestId('compare-table').waitFor();
    const headers = await page.getByTestId('compare-table').locator('thead th').allTextContents();
    expect(headers).toHaveLength(3);
    expect(headers[1]).toContain('Schengen Visa Travel Insurance');
    expect(headers[2]).toContain('Asia Easy Travel Insurance');
    expect(await page.getByTestId('compare-table').locator('tr[data-item="medical"]').textContent()).toContain('¥300,000');
    expect(problems).toEqual([]);
  });

  it('R-POL-1 at 375 px the list, the product page and the quote fit the screen', async () => {
    const { page, problems } = await open('/products', { width: 375, height: 740 });
    await expect.poll(() => cardCodes(page), PATIENCE).toHaveLength(9);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto(`${suite.server.url}/products/accident-plus`, { waitUntil: 'networkidle' });
    await page.getByTestId('quote-form').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await choose(page, 'quote-occupation', '3 类');
    await page.getByTestId('quote-age-0').fill('40');
    await expect.poll(() => page.getByTestId('quote-total').getAttribute('data-fen'), PATIENCE).toBe('9800');
    expect(problems).toEqual([]);
  });

  it('R-POL-1 operations take a product off sale in the console and the site stops showing it', async () => {
    const { page, problems } = await open('/console/sign-in');
    await signInStaff(page, operations);
    await page.getByTestId('console-nav-products').click();
    await page.getByTestId('catalogue-console-title').waitFor();
    const row = page.locator('tr[data-row-key="domestic-travel"]');
    await row.getByTestId('catalogue-status-toggle').click();
    await page.getByTestId('catalogue-status-confirm').click();
    await expect.poll(() => row.getByTestId('catalogue-status').getAttribute('data-status'), PATIENCE).toBe('draft');

    const site = await open('/products');
    await expect.poll(() => cardCodes(site.page), PATIENCE).toHaveLength(8);
    expect(await cardCodes(site.page)).not.toContain('domestic-travel');

    await row.getByTestId('catalogue-status-toggle').click();
    await page.getByTestId('catalogue-status-confirm').click();
    await expect.poll(() => row.getByTestId('catalogue-status').getAttribute('data-status'), PATIENCE).toBe('published');
    expect(problems).toEqual([]);
  });
});
