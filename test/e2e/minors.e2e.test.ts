import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from '../support/browser.ts';
import { buildPersonPi } from '../support/factories/person.ts';
import { runCli, startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { signInStaff, type StaffLogin } from '../support/staff-browser-sign-in.ts';

const chromiumPath = inject('chromiumPath');
let server: ServerProcess;
let browser: Browser;
let opened: WatchedPage[] = [];
const officer: StaffLogin = { username: 'dpo.minors', password: '' };

async function open(path: string): Promise<Page> {
  const watched = await openPage(browser);
  opened.push(watched);
  await watched.page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  return watched.page;
}

/** Sends a code to the number in the form's phone field and types the demo code the page shows. */
async function enterDemoCode(page: Page, phone: string, fields: { phone: string; code: string; send: string }): Promise<void> {
  await page.getByTestId(fields.phone).fill(phone);
  await page.getByTestId(fields.send).click();
  const code = await page.getByTestId('demo-code').innerText();
  await page.getByTestId(fields.code).fill(code);
}

describe.skipIf(!chromiumPath)('minors and guardians in the browser', () => {
  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-e2e-minors-'));
    const created = await runCli(['staff:create', '--username', officer.username, '--name', '合规官', '--role', 'compliance_officer'], { DATA_DIR: dataDir });
    expect(created.code, created.output).toBe(0);
    officer.password = /Initial password \(shown once\): (\S+)/.exec(created.output)?.[1] ?? '';
    // Demo mode: codes are shown on the page.
    server = await startServerProcess({ DATA_DIR: dataDir }, 150_000);
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      for (const [index, watched] of opened.entries()) console.log(`screenshot of the failure: ${await watched.screenshot(`${task.name}-${index}`)}`);
    }
    for (const watched of opened) await watched.close();
    opened = [];
  });

  it('R-MIN-1 under-14 registration requires the guardian flow: restricted until a guardian verifies their own phone and ticks consent', async () => {
    const page = await open('/sign-in');
    await enterDemoCode(page, buildPersonPi().phone, { phone: 'sign-in-phone', code: 'sign-in-code', send: 'send-code' });
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
    await page.goto(`${server.url}/account/security`, { waitUntil: 'networkidle' });
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
    await enterDemoCode(child, phone, { phone: 'sign-in-phone', code: 'sign-in-code', send: 'send-code' });
    await child.getByTestId('sign-in-submit').click();
    await child.getByTestId('account-menu').waitFor();
    await child.goto(`${server.url}/account/age`, { waitUntil: 'networkidle' });
    await child.getByTestId('age-under-14').click();
    await child.getByTestId('age-submit').click();
    await child.waitForURL('**/account/guardian');

    const console = await open('/console/sign-in');
    await signInStaff(console, officer);
    await console.goto(`${server.url}/console/customers`, { waitUntil: 'networkidle' });
    await console.getByTestId('customer-search-phone').fill(phone);
    await console.getByTestId('customer-search-submit').click();
    await console.getByTestId('erase-child-open').click();
    await console.getByTestId('erase-child-submit').click();
    await console.getByText('请填写至少 5 个字的原因').waitFor();
    await console.getByTestId('erase-child-reason').fill('核实为未经监护人同意注册的儿童账户');
    await console.getByTestId('erase-child-submit').click();
    await console.getByTestId('erase-child-result').waitFor();

    // The child's session went with the data: the site treats the browser as signed out.
    await child.goto(`${server.url}/account/security`, { waitUntil: 'networkidle' });
    await child.waitForURL('**/sign-in**');
  });
});
