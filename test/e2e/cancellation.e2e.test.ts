import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { fetchJson } from '../support/page-fetch.ts';
import { payOrderInSandbox, placeOrderAsGuest } from '../support/page-purchase.ts';

const chromiumPath = inject('chromiumPath');
const suite = useBrowserSuite();

describe.skipIf(!chromiumPath)('退保 in 我的保险, in Chromium', () => {
  it('R-POL-10 a guest pays, the policy is issued, and cancelling before the trip previews the refund and gives the whole premium back', async () => {
    const { page, problems } = await suite.open('/products/schengen-visa');
    const { orderId, premiumFen } = await placeOrderAsGuest(page);

    await payOrderInSandbox(page, suite.server.url, orderId);

    await page.goto(`${suite.server.url}/account/insurance`, { waitUntil: 'networkidle' });
    const policy = page.getByTestId('my-policy').first();
    await policy.waitFor();
    expect(await policy.getAttribute('data-status')).toBe('issued');
    await policy.getByTestId('cancel-policy-open').click();
    const refund = page.getByTestId('cancel-policy-refund');
    await refund.waitFor();
    const yuan = (premiumFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
    expect(await refund.textContent()).toBe(`¥${yuan}`);
    await page.getByTestId('cancel-policy-confirm').click();
    await expect.poll(() => page.getByTestId('cancel-policy-done').textContent()).toContain(`¥${yuan}`);
    await page.getByTestId('cancel-policy-close').click();

    await expect.poll(() => policy.getAttribute('data-status')).toBe('cancelled');
    expect(await policy.getByTestId('cancel-policy-open').count()).toBe(0);
    const order = await fetchJson<{ status: string }>(page, `/api/site/orders/${orderId}`);
    expect(order.status).toBe('cancelled');

    // The order page shows the refund and that it reached the payer.
    await page.goto(`${suite.server.url}/orders/${orderId}`, { waitUntil: 'networkidle' });
    const given = page.getByTestId('order-refund');
    await given.waitFor();
    expect(await given.getAttribute('data-status')).toBe('succeeded');
    expect(await given.getByTestId('order-refund-amount').getAttribute('data-fen')).toBe(String(premiumFen));
    expect(await given.textContent()).toContain('犹豫期退保');
    expect(await given.textContent()).toContain('已退回');
    expect(problems).toEqual([]);
  });
});
