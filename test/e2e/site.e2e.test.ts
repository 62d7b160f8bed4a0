import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite } from '../support/browser-suite.ts';

const chromiumPath = inject('chromiumPath');
// A hotline that only configuration can have put there: proves the footer reads the operator config.
const hotline = '400-123-4567';
const suite = useBrowserSuite({ env: { OPERATOR_HOTLINE: hotline, PI_CONTACT_EMAIL: 'dpo@example.cn' } });
const visit = suite.open;

describe.skipIf(!chromiumPath)('customer site and console in Chromium', () => {
  it('R-PLAT-1 R-PLAT-2 home page renders in Chinese, switches to English and keeps it; footer shows the configured hotline; no console errors', async () => {
    const { page, problems, context } = await visit('/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const title = page.getByTestId('home-title');
    await title.waitFor();
    expect(await title.textContent()).toMatch(/[\u4e00-\u9fff]/);
    const footerHotline = page.getByTestId('footer-hotline');
    expect(await footerHotline.textContent()).toContain(hotline);
    expect(await footerHotline.getAttribute('href')).toBe(`tel:${hotline.replace(/-/g, '')}`);
    expect(await page.getByTestId('site-footer').textContent()).toContain('中安联合保险经纪股份有限公司');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => title.textContent()).toMatch(/^[\x20-\x7E’—–]+$/);
    expect(await page.getByTestId('lang-switch').textContent()).toContain('中文');

    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    const cookies = await context.cookies();
    // Only what the site needs: the chosen language and the CSRF token. Nothing optional, no storage.
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['bt_csrf', 'bt_lang']);
    expect(await page.evaluate(() => Object.keys(localStorage).length)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('R-PLAT-1 at 375 px wide nothing scrolls sideways and the navigation opens from a menu button', async () => {
    const { page, problems } = await visit('/', { width: 375, height: 740 });
    await page.getByTestId('home-title').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('nav-menu-button').click();
    const drawer = page.getByTestId('nav-drawer');
    await drawer.waitFor();
    await drawer.getByRole('link', { name: '联系我们' }).click();
    await page.getByTestId('contact-company').waitFor();
    expect(new URL(page.url()).pathname).toBe('/contact');
    expect(problems).toEqual([]);
  });

  it('R-PLAT-2 the privacy policy and contact page are two clicks away and name the operator and PI contact', async () => {
    const { page, problems } = await visit('/');
    await page.getByTestId('site-footer').getByRole('link', { name: '隐私政策' }).click();
    await page.getByTestId('privacy-pi-contact').waitFor();
    expect(await page.getByTestId('privacy-pi-contact').textContent()).toContain('dpo@example.cn');
    await page.getByTestId('site-footer').getByRole('link', { name: '联系我们' }).click();
    await page.getByTestId('contact-company').waitFor();
    expect(await page.getByTestId('contact-company').textContent()).toContain('中安联合保险经纪股份有限公司');
    expect(await page.getByTestId('contact-hotline').textContent()).toContain(hotline);
    expect(await page.getByTestId('contact-pi-email').textContent()).toContain('dpo@example.cn');
    expect(problems).toEqual([]);
  });

  it('an unknown page shows the not-found page of the site', async () => {
    const { page } = await visit('/no/such/page');
    await page.getByTestId('not-found').waitFor();
  });

  it('R-PLAT-3 the staff console is a separate application that starts at its own sign-in', async () => {
    const { page, problems } = await visit('/console');
    await page.getByTestId('staff-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.getByTestId('site-footer').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('R-PLAT-4 the API documentation renders at /docs without policy violations', async () => {
    const { page, problems } = await visit('/docs');
    await page.getByText('/api/site/operator').first().waitFor();
    expect(problems).toEqual([]);
  });
});
