import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite, type StaffAccount } from '../support/browser-suite.ts';
import { placeOrderAsGuest } from '../support/page-purchase.ts';

const chromiumPath = inject('chromiumPath');
const operations: StaffAccount = { username: 'ops.editor', name: '产品运营', role: 'operations', password: '' };
const suite = useBrowserSuite({ staff: [operations] });

// A slow, shared machine: give answers time to arrive.
const PATIENCE = { timeout: 20_000 };
const NEW_NOTICE = '2027 版投保须知：出行前请核对护照有效期不少于六个月。';

function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function openProduct(page: Page, code: string): Promise<void> {
  await page.goto(`${suite.server.url}/console/products/${code}`, { waitUntil: 'networkidle' });
  await page.getByTestId('product-editor-title').waitFor(PATIENCE);
}

/** The input an antd number field puts its test id on, or holds inside it. */
const inputOf = (locator: ReturnType<Page['locator']>) => locator.locator('xpath=descendant-or-self::input').first();
/** A coverage amount (yuan) of one plan's row in the 方案与保障 tab. */
const sumInsured = (page: Page, plan: number, row: number) => inputOf(page.getByTestId(`coverage-${plan}-${row}`).getByTestId('coverage-sum-insured'));

describe.skipIf(!chromiumPath)('editing the catalogue in the console, in Chromium', () => {
  it('R-POL-1 a coverage change of a product sold meanwhile is refused, and the page then explains why its cover is frozen', async () => {
    const { page, problems } = await suite.openAsStaff(operations, '/console/products');
    await page.locator('tr[data-row-key="schengen-visa"]').getByTestId('catalogue-open').click();
    await page.getByTestId('product-editor-title').waitFor(PATIENCE);
    expect(await page.getByTestId('product-editor-sold').count()).toBe(0);

    // Someone buys it while the page is open.
    const site = await suite.open('/products');
    await placeOrderAsGuest(site.page);

    await page.getByTestId('tab-plans').click();
    await sumInsured(page, 0, 0).fill('350000');
    await page.getByTestId('plans-save').click();
    await expect.poll(() => page.getByTestId('plans-problems').textContent(), PATIENCE).toContain('该产品已有订单，保障内容与条件不可修改');

    await openProduct(page, 'schengen-visa');
    await page.getByTestId('product-editor-sold-notice').waitFor();
    await page.getByTestId('tab-plans').click();
    expect(await sumInsured(page, 0, 0).isDisabled()).toBe(true);
    expect(await page.getByTestId('plans-save').count()).toBe(0);
    // The browser reports the refused change (409) it was told to expect; nothing else went wrong.
    expect(problems.filter((problem) => !problem.includes('status of 409'))).toEqual([]);
  });

  it('R-POL-1 R-POL-3 operations copy the sold product, change a sum insured, the 投保须知 and a premium, publish the copy, and the site shows them', async () => {
    const { page, problems } = await suite.openAsStaff(operations, '/console/products');
    await openProduct(page, 'schengen-visa');
    await page.getByTestId('product-copy').click();
    await page.getByTestId('product-copy-code').fill('schengen-2027');
    await page.getByTestId('product-copy-name-zh').fill('申根签证旅行保险 2027');
    await page.getByTestId('product-copy-confirm').click();
    await page.waitForURL('**/console/products/schengen-2027', PATIENCE);
    await expect.poll(() => page.getByTestId('product-editor-title').textContent(), PATIENCE).toBe('申根签证旅行保险 2027');
    expect(await page.getByTestId('product-editor-status').getAttribute('data-status')).toBe('draft');

    // 方案与保障: the higher plan's medical cover goes up (amounts in yuan).
    await page.getByTestId('tab-plans').click();
    const medical = sumInsured(page, 1, 0);
    const before = Number((await medical.inputValue()).replace(/,/g, ''));
    await medical.fill(String(before + 100_000));
    await page.getByTestId('plans-save').click();
    await expect.poll(async () => Number((await sumInsured(page, 1, 0).inputValue()).replace(/,/g, '')), PATIENCE).toBe(before + 100_000);

    // 文档: a new version of the 投保须知.
    await page.getByTestId('tab-documents').click();
    await page.getByTestId('document-purchase_notice-new').click();
    const body = page.getByTestId('document-body-zh');
    await body.fill(`${await body.inputValue()}\n\n${NEW_NOTICE}`);
    await page.getByTestId('document-save').click();
    await expect.poll(() => page.getByTestId('document-purchase_notice-current').getAttribute('data-version'), PATIENCE).toBe('2');

    // 费率表: standard plan, Schengen zone, 8–10 days, ages 18–60: ¥46 → ¥50.
    await page.getByTestId('tab-rating').click();
    const cell = inputOf(page.locator('[data-testid="premium-cell"][data-days="8-10"][data-ages="18-60"]'));
    expect(await cell.inputValue()).toBe('46.00');
    await cell.fill('50');
    await page.getByTestId('rating-save').click();
    // Rows by key: a table that scrolls sideways keeps a hidden measuring row in its body.
    await page.getByTestId('rating-history').locator('tr[data-row-key="2"]').waitFor(PATIENCE);
    expect(await page.getByTestId('rating-history').locator('tr[data-row-key]').count()).toBe(2);
    // The version before stays readable as it priced: what a sale recorded by its hash was charged.
    await page.getByTestId('rating-history').locator('tr[data-row-key="1"]').getByTestId('rating-view-1').click();
    const priced = inputOf(page.getByTestId('rating-version').locator('[data-testid="premium-cell"][data-days="8-10"][data-ages="18-60"]'));
    await expect.poll(() => priced.inputValue(), PATIENCE).toBe('46.00');
    expect(await priced.isDisabled()).toBe(true);
    await page.locator('.ant-modal-footer button').click();
    await page.getByTestId('rating-version').waitFor({ state: 'detached', ...PATIENCE });

    await page.getByTestId('product-editor-status-toggle').click();
    await page.getByTestId('product-editor-status-confirm').click();
    await expect.poll(() => page.getByTestId('product-editor-status').getAttribute('data-status'), PATIENCE).toBe('published');

    const site = await suite.open('/products/schengen-2027', { width: 375, height: 740 });
    await expect.poll(() => site.page.getByTestId('product-title').textContent(), PATIENCE).toBe('申根签证旅行保险 2027');
    await site.page.getByTestId('product-documents').getByText('投保须知').click();
    await expect.poll(() => site.page.getByTestId('document-purchase_notice').textContent(), PATIENCE).toContain(NEW_NOTICE);
    await site.page.getByTestId('quote-destinations').locator('.ant-select').first().click();
    await site.page.getByTestId('quote-destinations').locator('input').fill('法国');
    await site.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '法国' }).first().click();
    await site.page.keyboard.press('Escape');
    await site.page.getByTestId('quote-start').fill(dateIn(30));
    await site.page.getByTestId('quote-end').fill(dateIn(39));
    await site.page.getByTestId('quote-age-0').fill('30');
    await expect.poll(() => site.page.getByTestId('quote-total').getAttribute('data-fen'), PATIENCE).toBe('5000');
    expect(await site.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    expect(site.problems).toEqual([]);
  });

  it('R-POL-1 the editor fits a 375 px screen', async () => {
    const { page, problems } = await suite.openAsStaff(operations, '/console/products/asia-easy', { width: 375, height: 740, ready: 'product-editor-title' });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    for (const tab of ['tab-terms', 'tab-plans', 'tab-documents', 'tab-rating']) {
      await page.getByTestId(tab).click();
      expect(await overflow(), tab).toBeLessThanOrEqual(0);
    }
    expect(problems).toEqual([]);
  });
});
