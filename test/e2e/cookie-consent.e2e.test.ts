import { desc, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPglite } from '../../src/db/open-pglite.ts';
import { CONSENT_COOKIE, parseConsentCookie } from '../../src/privacy/consent/cookies/consent-cookie.ts';
import { allowanceOf, rejectAllChoice } from '../../src/privacy/consent/cookies/cookie-catalogue.ts';
import { cookieConsentText } from '../../src/privacy/consent/cookies/consent-text.ts';
import { hashConsentText } from '../../src/privacy/consent/record-consent.ts';
import { consentRecords } from '../../src/privacy/consent/schema.ts';
import { documentVersions } from '../../src/privacy/notices/schema.ts';
import { newId } from '../../src/shared/ids.ts';
import { openPage, type WatchedPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { freshPhone, submitOutboxCode } from '../support/customer-browser.ts';

const chromiumPath = inject('chromiumPath');
// Starting (twice: the last test restarts the server) may be slow on a busy 2-core machine.
const START_TIMEOUT_MS = 150_000;
const suite = useBrowserSuite({ smsOutbox: true, startTimeoutMs: START_TIMEOUT_MS });

// The tests run in order in one browser context: a visitor who refuses, browses, changes their mind, and is asked again.
let visit: WatchedPage;

async function go(page: Page, to: string): Promise<void> {
  await page.goto(`${suite.server.url}${to}`, { waitUntil: 'networkidle' });
}

/** Every cookie, localStorage and sessionStorage item must be allowed without consent (the language only for the session). */
async function storedWithoutConsent(context: BrowserContext, page: Page): Promise<{ cookies: string[]; refused: string[] }> {
  const cookies = await context.cookies();
  const refused = cookies
    .filter((cookie) => {
      const allowance = allowanceOf('cookie', cookie.name, rejectAllChoice);
      return allowance === 'remove' || (allowance === 'session' && cookie.expires !== -1);
    })
    .map((cookie) => `${cookie.name} (expires ${cookie.expires})`);
  const storage = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
  refused.push(...storage.local.filter((key) => allowanceOf('localStorage', key, rejectAllChoice) !== 'keep').map((key) => `localStorage ${key}`));
  refused.push(...storage.session.filter((key) => allowanceOf('sessionStorage', key, rejectAllChoice) !== 'keep').map((key) => `sessionStorage ${key}`));
  return { cookies: cookies.map((cookie) => cookie.name).sort(), refused };
}

async function signIn(page: Page): Promise<void> {
  await submitOutboxCode(page, suite.outbox, freshPhone());
  // At 375 px the account menu lives in the navigation drawer: present, not visible.
  await page.getByTestId('account-menu').waitFor({ state: 'attached' });
}

async function visitorIdOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === CONSENT_COOKIE);
  const parsed = parseConsentCookie(cookie?.value);
  if (!parsed) throw new Error('no bt_consent cookie');
  return parsed.visitorId;
}

describe.skipIf(!chromiumPath)('cookie consent in Chromium', () => {
  beforeAll(async () => {
    visit = await openPage(suite.browser, { width: 375, height: 740 });
  });
  afterAll(async () => {
    await visit?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') console.log(`screenshot of the failure: ${await visit.screenshot(task.name)}`);
  });

  it('R-USE-3 the first visit shows the banner with three equal answers, at 375 px, before anything optional is stored', async () => {
    const { page, context, problems } = visit;
    await go(page, '/');
    const banner = page.getByRole('region', { name: '我们如何使用 Cookie' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('拒绝不影响您使用网站的任何功能');

    const buttons = ['全部接受', '全部拒绝', '设置'].map((name) => banner.getByRole('button', { name, exact: true }));
    const boxes = await Promise.all(buttons.map((button) => button.boundingBox()));
    const styles = await Promise.all(buttons.map((button) => button.evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.backgroundColor, style.color, style.borderColor, style.fontSize, style.fontWeight].join(' ');
    })));
    for (const box of boxes) expect(box && [Math.round(box.width), Math.round(box.height)]).toEqual([Math.round(boxes[0]!.width), Math.round(boxes[0]!.height)]);
    expect(new Set(styles).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // The banner comes first in the page: the first Tab lands on one of its answers.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="cookie-banner"]') !== null)).toBe(true);

    const before = await storedWithoutConsent(context, page);
    expect(before.refused).toEqual([]);
    expect(before.cookies).not.toContain(CONSENT_COOKIE);
    expect(problems).toEqual([]);
  });

  it('R-USE-3 after 全部拒绝, browsing several pages (switching language, signing in) leaves only necessary items in the cookie jar and Web Storage', async () => {
    const { page, context, problems } = visit;
    await page.getByRole('button', { name: '全部拒绝', exact: true }).click();
    await page.getByTestId('cookie-banner').waitFor({ state: 'detached' });
    expect(await context.cookies().then((cookies) => cookies.map((c) => c.name))).toContain(CONSENT_COOKIE);

    await go(page, '/privacy');
    await go(page, '/contact');
    // A language switch without consent to preferences is remembered only until the browser closes.
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await go(page, '/sign-in');
    await signIn(page);
    await go(page, '/account/security');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('cookie-banner').count()).toBe(0);

    const after = await storedWithoutConsent(context, page);
    expect(after.refused).toEqual([]);
    expect(after.cookies).toEqual(expect.arrayContaining(['bt_consent', 'bt_csrf', 'bt_lang', 'bt_sid']));
    expect((await context.cookies()).find((cookie) => cookie.name === 'bt_lang')?.expires).toBe(-1);
    expect(problems).toEqual([]);
  });

  it('R-USE-3 the footer’s Cookie settings reopen the choice; accepting analytics there is recorded and preferences stay off', async () => {
    const { page, problems } = visit;
    await go(page, '/contact');
    await page.getByTestId('footer-cookie-settings').click();
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await dialog.waitFor();
    // Focus moves into the dialog once it has opened (after its animation).
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    // Nothing is on but necessary cookies: the refusal is shown as it was given.
    expect(await dialog.getByTestId('cookie-switch-necessary').getAttribute('aria-checked')).toBe('true');
    expect(await dialog.getByTestId('cookie-switch-necessary').isDisabled()).toBe(true);
    for (const category of ['preferences', 'analytics', 'marketing']) expect(await dialog.getByTestId(`cookie-switch-${category}`).getAttribute('aria-checked')).toBe('false');
    expect(await dialog.textContent()).toContain('bt_sid');

    await dialog.getByTestId('cookie-switch-analytics').click();
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const state = await page.evaluate(() => fetch('/api/site/cookie-consent').then((response) => response.json()));
    expect(state).toMatchObject({ needsDecision: false, choice: { preferences: false, analytics: true, marketing: false } });
    expect(problems).toEqual([]);
  });

  it('R-USE-3 the decisions are on record, and a newer cookie-policy version makes the banner ask again', { timeout: START_TIMEOUT_MS + 60_000 }, async () => {
    const { page, context, problems } = visit;
    const visitorId = await visitorIdOf(context);
    expect(await suite.server.stop(), suite.server.output()).toBe(0);
    const database = await openPglite(suite.server.dataDir);
    try {
      const records = await database.db.select().from(consentRecords).orderBy(desc(consentRecords.at));
      const analytics = records.filter((record) => record.matter === 'purpose:cookies_analytics');
      // Signed in when changing the settings: recorded for the customer, with the English settings text.
      expect(analytics[0]).toMatchObject({ subjectType: 'customer', action: 'accepted', channel: 'web', textHash: hashConsentText(cookieConsentText('en', 'settings')) });
      // The first refusal was made anonymously, under the visitor id of the necessary cookie.
      const refusal = records.filter((record) => record.subjectId === visitorId);
      expect(refusal.map((record) => record.action)).toEqual(['declined', 'declined', 'declined']);
      expect(refusal[0]?.textHash).toBe(hashConsentText(cookieConsentText('zh-CN', 'banner')));

      const [latest] = await database.db.select({ version: documentVersions.version }).from(documentVersions).where(eq(documentVersions.document, 'cookie_policy')).orderBy(desc(documentVersions.version)).limit(1);
      const version = (latest?.version ?? 0) + 1;
      await database.db.insert(documentVersions).values({
        id: newId('doc'), document: 'cookie_policy', version, status: 'published',
        titleZh: 'Cookie 政策', titleEn: 'Cookie policy', bodyZh: '新版本', bodyEn: 'New version', summaryZh: '新增说明', summaryEn: 'New wording',
        textHash: hashConsentText(`cookie policy ${version}`), publishedAt: new Date(), effectiveAt: new Date(Date.now() - 60_000), createdBy: 'stf_e2e',
      });
    } finally {
      await database.close();
    }
    await suite.startServerAgain();

    // Cookies belong to the host, not the port: the browser brings its old choice to the restarted server.
    await go(page, '/');
    const banner = page.getByRole('region', { name: 'How we use cookies' });
    await banner.waitFor();
    const after = await storedWithoutConsent(context, page);
    expect(after.refused).toEqual([]);
    await banner.getByRole('button', { name: 'Accept all', exact: true }).click();
    await banner.waitFor({ state: 'detached' });
    // With consent to preferences, the language is now kept for a year.
    expect((await context.cookies()).find((cookie) => cookie.name === 'bt_lang')?.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 86_400);
    expect(problems).toEqual([]);
  });
});
