import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite, type StaffAccount } from '../support/browser-suite.ts';
import { placeOrderAsGuest } from '../support/page-purchase.ts';

const chromiumPath = inject('chromiumPath');
const service: StaffAccount = { username: 'service.orders', name: '客服测试', role: 'customer_service', password: '' };
const suite = useBrowserSuite({ staff: [service] });

describe.skipIf(!chromiumPath)('orders and the sales-process record in the console, in Chromium', () => {
  it('R-POL-7 R-SEC-3 customer service finds a guest’s order by the policyholder’s ID, reads the replay with the exact texts, and unmasks with a reason', async () => {
    const site = await suite.open('/products/schengen-visa');
    const { orderId, application } = await placeOrderAsGuest(site.page);
    const holder = application.policyholder.person;

    const { page, problems } = await suite.openAsStaff(service, '/console/orders', { ready: 'orders-title' });
    await page.getByText('证件号码', { exact: true }).click();
    await page.getByTestId('order-search-document').fill(holder.idDocument.number);
    await page.getByTestId('order-search-submit').click();
    await page.locator(`[data-testid="order-results"] tr[data-row-key="${orderId}"]`).waitFor();
    await page.getByTestId('order-open').click();

    const detail = page.getByTestId('order-detail');
    await detail.getByTestId('sale-timeline').waitFor();
    const parties = await detail.getByTestId('order-parties').textContent();
    expect(parties).not.toContain(holder.name);
    expect(parties).not.toContain(holder.idDocument.number);
    expect(await detail.getByTestId('sale-step').count()).toBe(11);
    // Not paid yet: the money card says so.
    expect(await detail.getByTestId('order-money').textContent()).toContain('尚无支付记录');
    const exclusions = detail.locator('[data-testid="sale-step"][data-kind="exclusions"][data-action="confirmed"]');
    expect(await exclusions.textContent()).toContain('保险人已就免除保险人责任的条款');
    await exclusions.getByText('查看当时展示的原文').click();
    await expect.poll(() => exclusions.getByTestId('sale-step-text').textContent()).toContain('保险人不承担给付保险金的责任');

    await detail.getByTestId('order-unmask-open').first().click();
    await page.getByTestId('order-unmask-reason').fill('客户来电核对投保人信息');
    await page.getByTestId('order-unmask-submit').click();
    await expect.poll(() => page.getByTestId('order-unmasked').textContent()).toContain(holder.idDocument.number);
    await page.getByTestId('order-unmask-close').click();
    expect(await page.getByTestId('order-unmasked').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
