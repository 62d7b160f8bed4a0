import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPglite } from '../../src/db/open-pglite.ts';
import type { WatchedPage } from '../support/browser.ts';
import { useBrowserSuite, type StaffAccount } from '../support/browser-suite.ts';
import { freshPhone, submitOutboxCode } from '../support/customer-browser.ts';
import { fetchJson, send, statusOf } from '../support/page-fetch.ts';

const chromiumPath = inject('chromiumPath');
// Only configuration can have put this hotline into the policy text (R-PLAT-2).
const HOTLINE = '400-246-8135';

const dpo: StaffAccount = { username: 'dpo.policies', name: '测试个人信息保护负责人', role: 'compliance_officer', password: '' };
const suite = useBrowserSuite({ staff: [dpo], smsOutbox: true, env: { OPERATOR_HOTLINE: HOTLINE }, startTimeoutMs: 150_000 });
const { open } = suite;
// Filled as the tests go; the last test reads the records of both people from the database.
const people: { accepted?: string; declined?: string } = {};

/** A console page as the PI-protection officer: with the session of an earlier test, or signing in now. */
function openAsOfficer(pathname: string): Promise<WatchedPage> {
  return suite.openAsStaff(dpo, pathname);
}

/** The cookie banner (when the site shows one) answered, so it covers nothing. */
async function answerCookieBanner(page: Page): Promise<void> {
  const reject = page.getByTestId('cookie-reject-all');
  if ((await reject.count()) > 0) {
    await reject.click();
    await reject.waitFor({ state: 'detached' });
  }
}

/** Registers a new customer on /sign-in with a code from the outbox; ends signed in; returns the id. */
async function registerCustomer(page: Page): Promise<string> {
  await page.getByTestId('sign-in-title').waitFor();
  await answerCookieBanner(page);
  await submitOutboxCode(page, suite.outbox, freshPhone());
  await page.getByTestId('account-menu').waitFor();
  return (await fetchJson<{ customerId: string }>(page, '/api/site/account')).customerId;
}

describe.skipIf(!chromiumPath)('policy updates in Chromium', () => {
  it('R-UPD-1 R-PLAT-2 policy update → modal → consent recorded with the new version', async () => {
    // A customer registers while version 1 is in effect: nothing to tell them.
    const customer = await open('/sign-in');
    const site = customer.page;
    people.accepted = await registerCustomer(site);
    expect(await site.getByTestId('policy-notice').count()).toBe(0);

    // The privacy policy is one click from the footer, rendered with the configured hotline.
    await site.getByTestId('site-footer').getByRole('link', { name: '隐私政策' }).click();
    await site.getByTestId('policy-body').waitFor();
    expect(await site.getByTestId('policy-body').textContent()).toContain(HOTLINE);
    expect(await site.getByTestId('policy-body').textContent()).not.toContain('{{');
    expect(await site.getByTestId('policy-versions').locator('li').count()).toBe(1);

    // The PI-protection officer drafts version 2 in the console: a copy of version 1.
    const officer = await openAsOfficer('/console/documents');
    const consolePage = officer.page;
    await consolePage.getByTestId('document-privacy_policy-new-draft').click();
    await consolePage.getByTestId('document-version-title').waitFor();
    expect(new URL(consolePage.url()).pathname).toBe('/console/documents/privacy_policy/2');
    const addedZh = '我们新增了一项承诺：每年向您发送一次个人信息处理情况报告。';
    const addedEn = 'We add a promise: once a year we send you a report of how your personal information was handled.';
    const bodyZh = consolePage.getByTestId('document-body-zh');
    await bodyZh.fill(`${await bodyZh.inputValue()}\n${addedZh}\n`);
    await consolePage.getByTestId('document-summary-zh').fill('新增年度个人信息处理报告；调整了数据保存说明。');
    await consolePage.getByRole('tab', { name: 'English' }).first().click();
    const bodyEn = consolePage.getByTestId('document-body-en');
    await bodyEn.fill(`${await bodyEn.inputValue()}\n${addedEn}\n`);
    await consolePage.getByTestId('document-summary-en').fill('A yearly report of how your information was handled; retention explained.');
    await consolePage.getByTestId('document-material').check();
    await consolePage.getByTestId('document-save').click();
    await consolePage.getByText('草稿已保存').waitFor();

    // A draft is never on the site.
    expect(await statusOf(site, '/api/site/documents/privacy_policy/versions/2')).toBe(404);

    // Preview renders the markdown; the comparison shows the added sentence against version 1.
    await consolePage.getByTestId('document-tab-preview').click();
    await expect.poll(() => consolePage.getByTestId('document-preview-zh').textContent()).toContain(addedZh);
    await consolePage.getByTestId('document-tab-diff').click();
    const diff = consolePage.getByTestId('document-diff-zh');
    await diff.waitFor();
    expect(await diff.locator('[data-kind="added"]').filter({ hasText: addedZh }).count()).toBe(1);

    // Published now: in effect, immutable, with its text hash.
    await consolePage.getByRole('tab', { name: '编辑' }).click();
    await consolePage.getByTestId('document-publish').click();
    await consolePage.getByTestId('document-publish-confirm').click();
    await expect.poll(() => consolePage.getByTestId('document-phase').getAttribute('data-phase')).toBe('current');
    expect(await consolePage.getByTestId('document-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await consolePage.getByTestId('document-save').count()).toBe(0);

    // The customer's next visit: a modal with the change summary and a link to the changes.
    await site.goto(`${suite.server.url}/account/security`, { waitUntil: 'networkidle' });
    const modal = site.getByRole('dialog');
    await modal.getByTestId('policy-notice').waitFor();
    expect(await modal.textContent()).toContain('《Besttrav 隐私政策》已更新');
    expect(await modal.getByTestId('policy-notice-summary').textContent()).toContain('新增年度个人信息处理报告');
    expect(await modal.getByTestId('policy-notice-consent-text').textContent()).toContain('对您继续适用第 1 版');
    // Nothing is pre-selected; accepting and declining are buttons of the same weight.
    const accept = modal.getByTestId('policy-notice-accept');
    const decline = modal.getByTestId('policy-notice-decline');
    expect(await accept.getAttribute('class')).toBe(await decline.getAttribute('class'));
    expect(await modal.locator('input[type="checkbox"]').count()).toBe(0);

    // The link leads to the changes; there the notice waits at the foot of the page.
    await modal.getByTestId('policy-notice-diff').click();
    await site.getByTestId('policy-diff-title').waitFor();
    expect(new URL(site.url()).search).toBe('?from=1&to=2');
    const siteDiff = site.getByTestId('policy-diff-zh');
    await siteDiff.waitFor();
    expect(await siteDiff.locator('[data-kind="added"]').filter({ hasText: addedZh }).count()).toBe(1);
    const bar = site.getByTestId('policy-notice-bar');
    await bar.getByTestId('policy-notice-accept').click();
    await site.getByText('已记录您的同意。').waitFor();
    await bar.waitFor({ state: 'detached' });

    // Both versions are listed on the policy page, and no notice comes back.
    await site.goto(`${suite.server.url}/privacy`, { waitUntil: 'networkidle' });
    await site.getByTestId('policy-body').waitFor();
    expect(await site.getByTestId('policy-version').textContent()).toBe('第 2 版');
    expect(await site.getByTestId('policy-versions').locator('li').count()).toBe(2);
    expect(await site.getByTestId('policy-notice').count()).toBe(0);
    const page = await fetchJson<{ standing: { state: string; inForce: number } }>(site, '/api/site/documents/privacy_policy');
    expect(page.standing).toMatchObject({ state: 'current', inForce: 2 });
    // The one console message is the 404 of the draft asked for on the site.
    expect(customer.problems.filter((problem) => !problem.includes('404'))).toEqual([]);
  }, 240_000);

  it('R-UPD-1 the policy, its earlier versions and the changes read on a phone (375 px)', async () => {
    const { page, problems } = await open('/privacy', { width: 375, height: 740 });
    await answerCookieBanner(page);
    await page.getByTestId('policy-body').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByTestId('policy-version-1-open').click();
    await page.getByText('您正在查看第 1 版，该版本已被新版本取代。').waitFor();
    expect(new URL(page.url()).pathname).toBe('/policies/privacy-policy/versions/1');
    await page.getByTestId('policy-version-2-diff').click();
    await page.getByTestId('policy-diff-zh').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // A visitor is not asked anything about the first version they ever see.
    expect(await page.getByTestId('policy-notice').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);

  it('R-UPD-2 material update declined → core rights still work', async () => {
    const customer = await open('/sign-in');
    const site = customer.page;
    people.declined = await registerCustomer(site);

    // Version 3 narrows rights (published through the console's API; the pages were covered above).
    const officer = await openAsOfficer('/console/documents');
    const draft = await send(officer.page, 'POST', '/api/console/documents/privacy_policy/drafts');
    expect(draft.status).toBe(201);
    const source = draft.json.source as Record<string, unknown>;
    const saved = await send(officer.page, 'PUT', '/api/console/documents/privacy_policy/versions/3', {
      ...source,
      bodyZh: `${String(source.bodyZh)}\n我们将不再提供纸质保单。\n`,
      bodyEn: `${String(source.bodyEn)}\nWe no longer send paper policies.\n`,
      summaryZh: '不再提供纸质保单。',
      summaryEn: 'No more paper policies.',
      narrowsRights: true,
    });
    expect(saved.status).toBe(200);
    expect((await send(officer.page, 'POST', '/api/console/documents/privacy_policy/versions/3/publish', {})).status).toBe(200);

    // The customer is asked, and declines.
    await site.goto(`${suite.server.url}/`, { waitUntil: 'networkidle' });
    const modal = site.getByRole('dialog');
    await modal.getByTestId('policy-notice').waitFor();
    expect(await modal.textContent()).toContain('未经您同意，调整后的条款不适用于您');
    await modal.getByTestId('policy-notice-decline').click();
    await site.getByText('已记录您的选择，对您继续适用第 2 版。').waitFor();
    await modal.waitFor({ state: 'detached' });
    // A refusal is not asked again on every visit.
    await site.reload({ waitUntil: 'networkidle' });
    await site.getByTestId('home-title').waitFor();
    expect(await site.getByTestId('policy-notice').count()).toBe(0);

    // Core rights still work: their account, sessions and who received their data.
    await site.goto(`${suite.server.url}/account/security`, { waitUntil: 'networkidle' });
    await expect.poll(() => site.getByTestId('account-phone').textContent()).toContain('****');
    await site.getByTestId('sessions-table').getByTestId('session-current').waitFor();
    await site.goto(`${suite.server.url}/account/data-sharing`, { waitUntil: 'networkidle' });
    await site.getByTestId('data-sharing-title').waitFor();
    expect(await statusOf(site, '/api/site/account/disclosures')).toBe(200);

    // Something new that relies on the new terms — a first password — is refused, saying why.
    await site.goto(`${suite.server.url}/account/security`, { waitUntil: 'networkidle' });
    await site.getByTestId('password-input').fill('Quiet-harbour-2038');
    await site.getByTestId('password-save').click();
    await site.getByText('请先同意更新后的条款').waitFor();
    await site.getByText('您仍可以查看、导出和删除您的个人信息，或注销账户').waitFor();
    expect(await site.getByTestId('password-status').textContent()).not.toContain('已设置');

    // The policy page says which version applies to them, and lets them change their mind.
    await site.goto(`${suite.server.url}/privacy`, { waitUntil: 'networkidle' });
    expect(await site.getByTestId('policy-standing').textContent()).toContain('您已拒绝第 3 版，对您继续适用第 2 版');

    // Signing out works.
    await site.getByTestId('account-menu').click();
    await site.getByTestId('sign-out').click();
    await site.getByTestId('nav-sign-in').waitFor();
    expect(customer.problems.filter((problem) => !problem.includes('403'))).toEqual([]);
  }, 240_000);

  it('R-UPD-1 R-UPD-2 the consent records hold the version and the hash of its text', async () => {
    expect(await suite.server.stop(), suite.server.output()).toBe(0);
    const database = await openPglite(suite.server.dataDir);
    try {
      const hashes = new Map(
        (await database.query<{ version: number; text_hash: string }>("select version, text_hash from document_versions where document = 'privacy_policy'")).map((row) => [row.version, row.text_hash]),
      );
      const recordsOf = (subjectId: string | undefined) =>
        database.query<{ action: string; version: number; text_hash: string; subject_type: string; channel: string }>(
          "select action, version, text_hash, subject_type, channel from consent_records where subject_id = $1 and matter = 'document:privacy_policy' order by at",
          [subjectId],
        );
      expect(await recordsOf(people.accepted)).toEqual([
        { action: 'shown', version: 2, text_hash: hashes.get(2), subject_type: 'customer', channel: 'web' },
        { action: 'accepted', version: 2, text_hash: hashes.get(2), subject_type: 'customer', channel: 'web' },
      ]);
      expect(await recordsOf(people.declined)).toEqual([
        { action: 'shown', version: 3, text_hash: hashes.get(3), subject_type: 'customer', channel: 'web' },
        { action: 'declined', version: 3, text_hash: hashes.get(3), subject_type: 'customer', channel: 'web' },
      ]);
      const audited = await database.query<{ action: string }>("select action from audit_log where subject_id = $1 and record like 'consent_records/%' order by at", [people.declined]);
      expect(audited.map((row) => row.action)).toEqual(['read', 'create']);
    } finally {
      await database.close();
    }
  });
});
