import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite, type StaffAccount } from '../support/browser-suite.ts';
import { enterDemoCode } from '../support/customer-browser.ts';
import { buildPersonPi } from '../support/factories/person.ts';
import { signInStaff } from '../support/staff-browser-sign-in.ts';

const chromiumPath = inject('chromiumPath');
const officer: StaffAccount = { username: 'dpo.minors', name: '合规官', role: 'compliance_officer', password: '' };
// Demo mode: codes are shown on the page.
const suite = useBrowserSuite({ staff: [officer], startTimeoutMs: 150_000 });

async function open(path: string): Promise<Page> {
  return (await suite.open(path)).page;
}

describe.skipIf(!chromiumPath)('minors and guardians in the browser', () => {
  it('R-MIN-1 under-14 registration requires the guardian flow: restricted until a guardian verifies their own phone and ticks consent', async () => {
    const page = await open('/sign-in');
    await enterDemoCode(page, buildPersonPi().phone);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('account-menu').waitFor();

    // The age question: asked until answered, neither answer preselected.
    await page.getByTestId('age-notice-answer').click();
    await page.getByTestId('age-under-14').waitFor();
    expect(await page.getByTestId('age-submit').isDisabled()).toBe(true);
    expect(await page.locator('input[type=radio]:checked').count()).toBe(0);
    await page.getByTestId('age-under-14').click();
    await page.getByTestId('age-submit').click();
    await page.waitForURL('**/account/guardian');

    // Before the guardian acts, changes are refused and every page says why.
    await page.goto(`${suite.server.url}/account/security`, { waitUntil: 'networkidle' });
    await page.getByTestId('guardian-notice').waitFor();
    await page.getByTestId('password-input').fill('Lantern-Orchard-2931!');
    await page.getByTestId('password-save').click();
    await page.getByText('需要监护人同意').nth(1).waitFor();

    await page.getByTestId('guardian-notice-start').click();
    await page.getByTestId('guardian-consent-text').waitFor();
    expect(await page.getByTestId('guardian-agree').isChecked()).toBe(false);
    await enterDemoCode(page, buildPersonPi().phone, { phone: 'guardian-phone', code: 'guardian-code', send: 'guardian-send-code' });
    await page.getByTestId('guardian-relationship').click();
    await page.getByText('母亲', { exact: true }).click();
    await page.getByTestId('guardian-submit').click();
    await page.getByText('请由监护人阅读并勾选同意').waitFor();
    await page.getByTestId('guardian-agree').check();
    await page.getByTestId('guardian-submit').click();
    await page.waitForURL('**/account/security');

    expect(await page.getByTestId('guardian-notice').count()).toBe(0);
    await page.getByTestId('password-input').fill('Lantern-Orchard-2931!');
    await page.getByTestId('password-save').click();
    await page.getByTestId('password-status').getByText(/设置|修改|已/).waitFor();
  });

  it('R-MIN-2 the PI-protection officer erases a child’s data collected without a guardian’s consent from the console, with a reason', async () => {
    const phone = buildPersonPi().phone;
    const child = await open('/sign-in');
    await enterDemoCode(child, phone);
    await child.getByTestId('sign-in-submit').click();
    await child.getByTestId('account-menu').waitFor();
    await child.goto(`${suite.server.url}/account/age`, { waitUntil: 'networkidle' });
    await child.getByTestId('age-under-14').click();
    await child.getByTestId('age-submit').click();
    await child.waitForURL('**/account/guardian');

    const console = await open('/console/sign-in');
    await signInStaff(console, officer);
    await console.goto(`${suite.server.url}/console/customers`, { waitUntil: 'networkidle' });
    await console.getByTestId('customer-search-phone').fill(phone);
    await console.getByTestId('customer-search-submit').click();
    await console.getByTestId('erase-child-open').click();
    await console.getByTestId('erase-child-submit').click();
    await console.getByText('请填写至少 5 个字的原因').waitFor();
    await console.getByTestId('erase-child-reason').fill('核实为未经监护人同意注册的儿童账户');
    await console.getByTestId('erase-child-submit').click();
    await console.getByTestId('erase-child-result').waitFor();

    // The child's session went with the data: the site treats the browser as signed out.
    await child.goto(`${suite.server.url}/account/security`, { waitUntil: 'networkidle' });
    await child.waitForURL('**/sign-in**');
  });
});
