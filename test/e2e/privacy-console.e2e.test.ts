import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import type { WatchedPage } from '../support/browser.ts';
import { useBrowserSuite, type PageOptions, type StaffAccount } from '../support/browser-suite.ts';
import { freshPhone, submitOutboxCode, type Phone } from '../support/customer-browser.ts';
import { buildPersonPi } from '../support/factories/person.ts';
import { fetchJson, send } from '../support/page-fetch.ts';

const chromiumPath = inject('chromiumPath');

/** A staff account created for this file; once it has opened a console page, its id too. */
interface StaffLogin extends StaffAccount {
  id?: string;
}

const cs: StaffLogin = { username: 'cs.e2e', name: '测试客服', role: 'customer_service', password: '' };
const dpo: StaffLogin = { username: 'dpo.e2e', name: '测试个人信息保护负责人', role: 'compliance_officer', password: '' };
const suite = useBrowserSuite({
  staff: [cs, dpo],
  // The server writes every "text message" to a file instead of sending it; the test reads codes back.
  smsOutbox: true,
  // "Quiet hours" are made to cover the next two hours, so any staff access in this file raises an
  // off-hours alert for the officer to handle, whatever time the tests run.
  env: () => {
    const hour = beijingHour();
    return { AUDIT_ALERT_QUIET_HOURS: `${hour}-${(hour + 2) % 24}` };
  },
});
const { open } = suite;

/** A console page as this staff member (see useBrowserSuite's openAsStaff), noting the member's id. */
async function openAsStaff(login: StaffLogin, pathname: string, options: PageOptions = {}): Promise<WatchedPage> {
  const watched = await suite.openAsStaff(login, pathname, options);
  const { page } = watched;
  // Back on the page that asked for the sign-in.
  expect(new URL(page.url()).pathname).toBe(pathname);
  login.id ??= (await fetchJson<{ staff: { id: string } }>(page, '/api/console/session')).staff.id;
  return watched;
}

/** Registers a customer on /sign-in with a text-message code from the outbox; ends signed in. */
async function registerCustomer(page: Page, phone: Phone): Promise<void> {
  await page.getByTestId('sign-in-title').waitFor();
  await submitOutboxCode(page, suite.outbox, phone);
  await page.getByTestId('account-menu').waitFor();
}

/** A state-changing call from the page itself, with the CSRF token as the app sends it. */
async function postFromPage(page: Page, url: string, body: unknown): Promise<{ status: number; code: unknown }> {
  const { status, json } = await send(page, 'POST', url, body);
  return { status, code: json.code };
}

/** The current hour in Beijing, which is how the server reads AUDIT_ALERT_QUIET_HOURS. */
function beijingHour(): number {
  return Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }).format(new Date())) % 24;
}

/** A calendar date in Beijing, `days` from today. */
function beijingDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

describe.skipIf(!chromiumPath)('privacy and compliance pages of the console in Chromium', () => {
  // Filled by the first test, which the alert test builds on.
  let customerId: string | undefined;

  it(
    'R-SEC-3 R-SEC-5 customer service unmasks a number only with a reason, and the PI-protection officer sees it in the audit log',
    async () => {
      // A customer registers on the site.
      const phone = freshPhone();
      const masked = `${phone.national.slice(0, 3)}****${phone.national.slice(-4)}`;
      const customer = await open('/sign-in');
      await registerCustomer(customer.page, phone);
      const account = await fetchJson<{ customerId: string }>(customer.page, '/api/site/account');

      // Customer service finds the account by the number; it is shown masked and never put in a URL.
      const service = await openAsStaff(cs, '/console/customers');
      const { page } = service;
      const urls: string[] = [];
      page.on('request', (request) => urls.push(request.url()));
      const sider = page.getByTestId('console-sider');
      expect(await sider.getByTestId('console-nav-customers').count()).toBe(1);
      expect(await sider.getByTestId('console-nav-audit').count()).toBe(0);
      expect(await sider.getByTestId('console-nav-data-map').count()).toBe(0);
      await page.getByTestId('customer-search-phone').fill(phone.national);
      await page.getByTestId('customer-search-submit').click();
      const results = page.getByTestId('customer-results');
      const row = results.locator('tr.ant-table-row', { hasText: masked });
      await row.waitFor();
      expect(await results.locator('tr.ant-table-row').count()).toBe(1);
      expect(await row.getByTestId('customer-id').textContent()).toBe(account.customerId);
      expect(await results.textContent()).not.toContain(phone.national.slice(3, 7));

      // Without a reason nothing is shown: the form refuses, and so does the server.
      await row.getByTestId('unmask-open').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('查看完整号码会连同您填写的原因一起记录在审计日志中').waitFor();
      await page.getByTestId('unmask-submit').click();
      await dialog.getByText('请写明查看原因，至少 5 个字').waitFor();
      expect(await page.getByTestId('unmasked-value').count()).toBe(0);
      const refused = await postFromPage(page, `/api/console/customers/${account.customerId}/unmask`, { field: 'phone', reason: '看看' });
      expect(refused).toEqual({ status: 400, code: 'reason_required' });

      // With a reason, the full number.
      const reason = `客户来电核对预留手机号码，工单 E2E-${phone.national.slice(-4)}`;
      await page.getByTestId('unmask-reason').fill(reason);
      await page.getByTestId('unmask-submit').click();
      await expect.poll(() => page.getByTestId('unmasked-value').textContent()).toBe(phone.e164);
      await dialog.getByText('关闭此窗口后，号码将重新隐藏').waitFor();
      // Closing hides it again.
      await page.getByTestId('unmask-close').click();
      await expect.poll(() => page.getByTestId('unmasked-value').count()).toBe(0);
      expect(await page.locator('body').textContent()).not.toContain(phone.e164);
      expect(urls.filter((url) => url.includes(phone.national))).toEqual([]);
      // The one console message is the refused unmask's 400 answer.
      expect(service.problems.filter((problem) => !problem.includes('400'))).toEqual([]);

      // The PI-protection officer finds the customer (masked, and without a way to unmask)…
      const officer = await openAsStaff(dpo, '/console/customers');
      const dpoPage = officer.page;
      await dpoPage.getByTestId('customer-search-phone').fill(phone.national);
      await dpoPage.getByTestId('customer-search-submit').click();
      const dpoRow = dpoPage.getByTestId('customer-results').locator('tr.ant-table-row', { hasText: masked });
      await dpoRow.waitFor();
      expect(await dpoRow.getByTestId('unmask-open').count()).toBe(0);
      customerId = (await dpoRow.getByTestId('customer-id').textContent()) ?? '';
      expect(customerId).toBe(account.customerId);

      // …and searches the audit log by the customer's id: the unmask is there with its reason.
      await dpoPage.getByTestId('console-nav-audit').click();
      await dpoPage.getByTestId('audit-search-subject').fill(customerId);
      await dpoPage.getByTestId('audit-search-submit').click();
      const audit = dpoPage.getByTestId('audit-table');
      const unmaskRow = audit.locator('tr.ant-table-row', { has: dpoPage.locator('[data-action="unmask"]') });
      await unmaskRow.waitFor();
      expect(await unmaskRow.count()).toBe(1);
      expect(await unmaskRow.textContent()).toContain(reason);
      expect(await unmaskRow.textContent()).toContain(cs.id);
      expect(await unmaskRow.textContent()).toContain('查看完整信息');
      // The refused attempts are on record too, and so are both lookups.
      expect(await audit.locator('[data-action="refused"]').count()).toBe(1);
      expect(await audit.locator('[data-action="read"]').count()).toBeGreaterThanOrEqual(2);
      expect(await audit.textContent()).not.toContain(phone.national);

      // The hash chains are intact.
      await dpoPage.getByTestId('audit-verify').click();
      const verified = dpoPage.getByTestId('audit-verify-result');
      await verified.waitFor();
      expect(await verified.getAttribute('data-intact')).toBe('true');
      const entries = Number(/完整（(\d+) 条）/.exec((await verified.textContent()) ?? '')?.[1]);
      expect(entries).toBeGreaterThanOrEqual(4);
      expect(officer.problems).toEqual([]);
    },
    120_000,
  );

  it('R-USE-1 the data map lists every category with where it is stored, why, on what basis and for how long', async () => {
    const { page, problems } = await openAsStaff(dpo, '/console/privacy/data-map');
    const table = page.getByTestId('data-map-table');
    await table.locator('tr.ant-table-row').first().waitFor();
    type Entry = {
      category: string;
      name: { zh: string; en: string };
      isSensitive: boolean;
      storedIn: Array<{ table: string; column: string; storedAs: keyof typeof zhCN.privacyTerms.storedAs }>;
      purposes: Array<keyof typeof zhCN.privacyTerms.purposes>;
      bases: Array<{ zh: string }>;
      retention: Array<{ zh: string }>;
    };
    const map = await fetchJson<Entry[]>(page, '/api/console/privacy/data-map');
    expect(map.length).toBeGreaterThan(0);
    expect(await table.locator('tr.ant-table-row').count()).toBe(map.length);
    expect(await page.getByTestId('data-map-summary').textContent()).toContain(`共 ${map.length} 类个人信息`);

    for (const entry of map) {
      const row = table.locator(`tr[data-row-key="${entry.category}"]`);
      const text = (await row.textContent()) ?? '';
      expect(text, entry.category).toContain(entry.name.zh);
      expect(await row.getByTestId('data-map-sensitive').count(), entry.category).toBe(entry.isSensitive ? 1 : 0);
      for (const place of entry.storedIn) {
        expect(text, entry.category).toContain(`${place.table}.${place.column}`);
        expect(text, entry.category).toContain(zhCN.privacyTerms.storedAs[place.storedAs]);
      }
      for (const purpose of entry.purposes) expect(text, entry.category).toContain(zhCN.privacyTerms.purposes[purpose]);
      for (const basis of entry.bases) expect(text, entry.category).toContain(basis.zh);
      for (const rule of entry.retention) expect(text, entry.category).toContain(rule.zh);
    }

    // The export is the API's JSON, saved from memory under the CSP (default-src 'self').
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('data-map-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^besttrav-data-map-\d{4}-\d{2}-\d{2}\.json$/);
    const exported: unknown = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    expect(exported).toEqual(map);

    // In English, the names are the English ones.
    await page.getByTestId('lang-switch').click();
    const first = map[0] as Entry;
    await expect.poll(() => table.locator(`tr[data-row-key="${first.category}"]`).textContent()).toContain(first.name.en);
    expect(problems).toEqual([]);
  });

  it('R-SHR-1 the PI-protection officer registers a recipient with its agreement', async () => {
    const { page, problems } = await openAsStaff(dpo, '/console/recipients');
    const table = page.getByTestId('recipients-table');
    const suffix = buildPersonPi().phone.slice(-4);
    const insurer = `测试财产保险股份有限公司 ${suffix}`;
    const investigator = `测试理赔调查有限公司 ${suffix}`;
    const signedOn = beijingDate(-30);
    const expiresOn = beijingDate(365);

    // With its agreement: in force.
    await page.getByTestId('recipient-create').click();
    const dialog = page.getByRole('dialog');
    await page.getByTestId('recipient-name').fill(insurer);
    await page.getByTestId('recipient-type').click();
    await page.locator('.ant-select-item-option[title="保险公司"]').click();
    await page.getByTestId('recipient-purposes').getByText('投保', { exact: true }).click();
    await page.getByTestId('recipient-purposes').getByText('保单服务', { exact: true }).click();
    await page.getByTestId('recipient-categories').getByText('手机号码', { exact: true }).click();
    // An agreement that ends before it starts is refused next to the field.
    await page.getByTestId('recipient-agreement-reference').fill(`DPA-E2E-${suffix}`);
    await page.getByTestId('recipient-agreement-signed').fill(signedOn);
    await page.getByTestId('recipient-agreement-expires').fill(beijingDate(-31));
    await page.getByTestId('recipient-submit').click();
    await dialog.getByText('到期日期不能早于签订日期').waitFor();
    await page.getByTestId('recipient-agreement-expires').fill(expiresOn);
    await page.getByTestId('recipient-submit').click();
    const insurerRow = table.locator('tr.ant-table-row', { hasText: insurer });
    await insurerRow.waitFor();
    expect(await insurerRow.getByTestId('recipient-agreement').getAttribute('data-state')).toBe('in_force');
    const insurerText = (await insurerRow.textContent()) ?? '';
    for (const text of ['保险公司', '投保', '保单服务', '手机号码', '协议有效', `DPA-E2E-${suffix}`, `${signedOn} 至 ${expiresOn}`, '启用']) expect(insurerText).toContain(text);
    expect(insurerText).not.toContain('不会收到任何信息');

    type Listed = { name: string; type: string; country: string; purposes: string[]; categories: string[]; agreementReference: string | null; agreementSignedOn: string | null; agreementExpiresOn: string | null; status: string };
    const saved = (await fetchJson<Listed[]>(page, '/api/console/recipients')).find((recipient) => recipient.name === insurer);
    expect(saved).toMatchObject({ type: 'insurer', country: 'CN', categories: ['contact.phone'], agreementReference: `DPA-E2E-${suffix}`, agreementSignedOn: signedOn, agreementExpiresOn: expiresOn, status: 'active' });
    expect([...(saved?.purposes ?? [])].sort()).toEqual(['policy_service', 'purchase']);

    // Without an agreement: registered, but plainly receiving nothing.
    await page.getByTestId('recipient-create').click();
    await page.getByTestId('recipient-name').fill(investigator);
    await page.getByTestId('recipient-type').click();
    await page.locator('.ant-select-item-option[title="调查机构"]').click();
    await page.getByTestId('recipient-purposes').getByText('理赔', { exact: true }).click();
    await page.getByTestId('recipient-categories').getByText('手机号码', { exact: true }).click();
    await page.getByTestId('recipient-submit').click();
    const investigatorRow = table.locator('tr.ant-table-row', { hasText: investigator });
    await investigatorRow.waitFor();
    expect(await investigatorRow.getByTestId('recipient-agreement').getAttribute('data-state')).toBe('missing');
    expect(await investigatorRow.textContent()).toContain('协议未生效');
    expect(await investigatorRow.textContent()).toContain('不会收到任何信息');

    // Its agreement arrives: edited in, it is in force.
    await investigatorRow.getByTestId('recipient-edit').click();
    expect(await page.getByTestId('recipient-name').inputValue()).toBe(investigator);
    await page.getByTestId('recipient-agreement-reference').fill(`NDA-E2E-${suffix}`);
    await page.getByTestId('recipient-agreement-signed').fill(signedOn);
    await page.getByTestId('recipient-submit').click();
    await expect.poll(() => investigatorRow.getByTestId('recipient-agreement').getAttribute('data-state')).toBe('in_force');
    expect(await investigatorRow.textContent()).toContain(`${signedOn} 起，长期有效`);

    // Suspended, the insurer receives nothing until resumed.
    await insurerRow.getByTestId('recipient-suspend').click();
    await page.getByTestId('recipient-status-confirm').click();
    await expect.poll(() => insurerRow.getByTestId('recipient-status').getAttribute('data-status')).toBe('suspended');
    expect(await insurerRow.textContent()).toContain('已暂停');
    expect(await insurerRow.textContent()).toContain('不会收到任何信息');
    await insurerRow.getByTestId('recipient-resume').click();
    await page.getByTestId('recipient-status-confirm').click();
    await expect.poll(() => insurerRow.getByTestId('recipient-status').getAttribute('data-status')).toBe('active');
    expect(problems).toEqual([]);
  });

  it('R-SEC-5 the PI-protection officer handles an unusual-access alert with a note', async () => {
    if (!cs.id || !customerId) throw new Error('needs the unmask of the first test');
    const { page, problems } = await openAsStaff(dpo, '/console/alerts');
    const table = page.getByTestId('alerts-table');
    // Customer service looked at a customer's number in (configured) quiet hours.
    const row = table.locator('tr.ant-table-row', { hasText: cs.id });
    await row.waitFor();
    expect(await row.locator('[data-kind="off_hours"]').count()).toBe(1);
    expect(await row.getByTestId('alert-status').getAttribute('data-status')).toBe('open');

    await row.getByTestId('alert-acknowledge').click();
    await page.getByTestId('alert-acknowledge-submit').click();
    await page.getByRole('dialog').getByText('请填写处理说明').waitFor();
    const note = '已与客服核实：客户来电要求核对号码，访问正当';
    await page.getByTestId('alert-note').fill(note);
    await page.getByTestId('alert-acknowledge-submit').click();
    await expect.poll(() => row.count()).toBe(0);

    // Handled alerts stay on record with the note.
    await page.getByTestId('alerts-show-closed').click();
    const closed = table.locator('tr.ant-table-row', { hasText: cs.id });
    await closed.waitFor();
    expect(await closed.getByTestId('alert-status').getAttribute('data-status')).toBe('closed');
    expect(await closed.textContent()).toContain(note);
    expect(await closed.textContent()).toContain(dpo.id);
    expect(problems).toEqual([]);
  });

  it('R-SHR-2 a customer sees who received their data', async () => {
    const { page, problems } = await open('/sign-in');
    await registerCustomer(page, freshPhone());
    await page.getByTestId('account-menu').click();
    await page.getByTestId('nav-data-sharing').click();
    const list = page.getByTestId('my-disclosures');
    await list.waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/data-sharing');
    expect(await page.getByTestId('data-sharing-title').textContent()).toBe('谁接收了我的信息');
    // The outbox "provider" is the platform itself: no third party has received anything.
    expect(await fetchJson<unknown[]>(page, '/api/site/account/disclosures')).toEqual([]);
    expect(await list.getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('my-disclosures-empty').textContent()).toBe('尚未向任何第三方提供您的个人信息');

    // Signed out, the page sends the person to sign in first.
    await page.getByTestId('account-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('nav-sign-in').waitFor();
    await page.goto(`${suite.server.url}/account/data-sharing`, { waitUntil: 'networkidle' });
    await page.getByTestId('sign-in-title').waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Faccount%2Fdata-sharing');
    expect(problems).toEqual([]);
  });
});
