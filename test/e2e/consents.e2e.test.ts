import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { latestMarketingFor, readOutbox } from '../../src/integrations/sms/outbox-sms-provider.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import type { WatchedPage } from '../support/browser.ts';
import { useBrowserSuite, type StaffAccount } from '../support/browser-suite.ts';
import { freshPhone, submitOutboxCode, type Phone } from '../support/customer-browser.ts';

const chromiumPath = inject('chromiumPath');
const operations: StaffAccount = { username: 'ops.e2e', name: '运营测试', role: 'operations', password: '' };
// The server writes every text message to a file instead of sending it: codes and marketing alike.
const suite = useBrowserSuite({ staff: [operations], smsOutbox: true });
const { open, outbox } = suite;

/** Registers a customer with a text-message code from the outbox and opens 授权管理. */
async function customerOnConsentsPage(): Promise<{ watched: WatchedPage; phone: Phone }> {
  const phone = freshPhone();
  const watched = await open('/sign-in?next=%2Faccount%2Fconsents');
  const { page } = watched;
  await submitOutboxCode(page, outbox, phone);
  await page.getByTestId('consents-title').waitFor();
  return { watched, phone };
}

/** Flips one consent on the page and waits until the server's answer is shown. */
async function setConsent(page: Page, purpose: string, grant: boolean): Promise<void> {
  const item = page.getByTestId(`consent-item-${purpose}`);
  await page.getByTestId(`consent-switch-${purpose}`).click();
  await expect.poll(() => item.getAttribute('data-state')).toBe(grant ? 'granted' : 'refused');
}

/** Operations write an SMS campaign in the console and send it; resolves when the job has finished. */
async function sendSmsCampaign(textZh: string): Promise<void> {
  const { page } = await suite.openAsStaff(operations, '/console/campaigns', { ready: 'campaigns-title' });
  await page.getByTestId('campaign-create').click();
  await page.getByTestId('campaign-title-zh').fill('春季出行保障');
  await page.getByTestId('campaign-title-en').fill('Spring travel cover');
  await page.getByTestId('campaign-text-zh').fill(textZh);
  await page.getByTestId('campaign-text-en').fill('Spring travel insurance 20% off');
  await page.getByTestId('campaign-save').click();
  const row = page.locator('tr', { hasText: '春季出行保障' }).filter({ has: page.getByTestId('campaign-send') }).first();
  await row.getByTestId('campaign-send').click();
  await page.getByTestId('campaign-send-confirm').click();
  // The list follows the job's progress by itself until the campaign is sent.
  await expect.poll(() => page.getByTestId('campaign-status').first().getAttribute('data-status'), { timeout: 30_000 }).toBe('sent');
}

describe.skipIf(!chromiumPath)('授权管理 and marketing consent in Chromium', () => {
  it(
    'R-USE-2 R-RGT-4 withdraw marketing consent → a marketing job run skips the person',
    async () => {
      const stays = await customerOnConsentsPage();
      const leaves = await customerOnConsentsPage();
      // Nothing is pre-ticked.
      for (const purpose of ['marketing_sms', 'marketing_email', 'marketing_in_app', 'personalised_recommendations', 'sensitive_pi']) {
        expect(await stays.watched.page.getByTestId(`consent-item-${purpose}`).getAttribute('data-state')).toBe('unanswered');
      }
      await setConsent(stays.watched.page, 'marketing_sms', true);
      await setConsent(leaves.watched.page, 'marketing_sms', true);
      // Withdrawing is the same one click as giving, and the history keeps both decisions.
      await setConsent(leaves.watched.page, 'marketing_sms', false);
      const history = leaves.watched.page.getByTestId('consent-history');
      await expect.poll(() => history.locator('tbody tr.ant-table-row').count()).toBe(2);
      expect(await history.locator('tbody tr.ant-table-row').first().textContent()).toContain(zhCN.consents.actions.withdrawn);

      const text = `春季旅行保险八折 ${Date.now()}`;
      await sendSmsCampaign(text);
      expect((await latestMarketingFor(outbox, stays.phone.e164))?.text).toBe(text);
      expect(await latestMarketingFor(outbox, leaves.phone.e164)).toBeUndefined();
      for (const watched of suite.opened) expect(watched.problems).toEqual([]);
    },
    180_000,
  );

  it(
    'R-USE-2 R-RGT-4 unsubscribe link works signed out',
    async () => {
      const customer = await customerOnConsentsPage();
      await setConsent(customer.watched.page, 'marketing_sms', true);
      await setConsent(customer.watched.page, 'marketing_in_app', true);
      const text = `暑期出行保障上新 ${Date.now()}`;
      await sendSmsCampaign(text);
      const message = await latestMarketingFor(outbox, customer.phone.e164);
      expect(message?.text).toBe(text);
      const link = new URL(message?.unsubscribeUrl ?? '');
      expect(link.pathname).toMatch(/^\/unsubscribe\/[A-Za-z0-9_-]{43}$/);
      expect(link.href).not.toContain(customer.phone.national);

      // A browser that never signed in: the link alone withdraws SMS marketing.
      const stranger = await open(link.pathname);
      const result = stranger.page.getByTestId('unsubscribe-result');
      await result.waitFor();
      expect(await result.getAttribute('data-outcome')).toBe('withdrawn');
      expect(await result.textContent()).toBe(zhCN.unsubscribe.withdrawn.replace('{{channel}}', zhCN.unsubscribe.channels.marketing_sms));
      expect(await stranger.context.cookies()).not.toContainEqual(expect.objectContaining({ name: 'bt_sid' }));

      // In English (chosen before, as the language cookie remembers), a second click says it was already done.
      const again = await suite.newPage({ locale: 'en-GB' });
      await again.context.addCookies([{ name: 'bt_lang', value: 'en', url: suite.server.url }]);
      await again.page.goto(`${suite.server.url}${link.pathname}`, { waitUntil: 'networkidle' });
      const second = again.page.getByTestId('unsubscribe-result');
      await second.waitFor();
      expect(await second.getAttribute('data-outcome')).toBe('already_withdrawn');
      expect(await second.textContent()).toBe(en.unsubscribe.alreadyWithdrawn.replace('{{channel}}', en.unsubscribe.channels.marketing_sms));

      // The customer's own page shows it withdrawn through the link; in-app marketing stays on.
      await customer.watched.page.reload({ waitUntil: 'networkidle' });
      expect(await customer.watched.page.getByTestId('consent-item-marketing_sms').getAttribute('data-state')).toBe('refused');
      expect(await customer.watched.page.getByTestId('consent-item-marketing_sms').textContent()).toContain(zhCN.consents.channels.sms_link);
      expect(await customer.watched.page.getByTestId('consent-item-marketing_in_app').getAttribute('data-state')).toBe('granted');

      // The next campaign skips the person.
      const before = (await readOutbox(outbox)).filter((entry) => entry.to === customer.phone.e164 && entry.template === 'marketing').length;
      await sendSmsCampaign(`秋季出行保障 ${Date.now()}`);
      expect((await readOutbox(outbox)).filter((entry) => entry.to === customer.phone.e164 && entry.template === 'marketing')).toHaveLength(before);
    },
    180_000,
  );
});
