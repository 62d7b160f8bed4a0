import type { Page, Response } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { residentIdCheckCharacter } from '../../src/shared/identity-documents.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { enterDemoCode } from '../support/customer-browser.ts';
import { buildPersonPi } from '../support/factories/person.ts';
import { fetchJson } from '../support/page-fetch.ts';
import { beijingDate } from '../support/purchase-api.ts';
import { box, choose, fieldId, giveConsentsAndConfirm, readAndTick, readTheTerms } from '../support/purchase-wizard.ts';

const chromiumPath = inject('chromiumPath');
// Signed-in customers get their code shown on the page (demo mode), as on a fresh installation.
const suite = useBrowserSuite({ env: { SMS_PROVIDER: 'demo' } });

// A slow, shared machine: give answers time to arrive; issuing a policy goes through the reference insurer.
const PATIENCE = { timeout: 30_000 };
const ISSUING = { timeout: 90_000 };

/** A resident ID number of someone born on `birth` (YYYYMMDD) in Shanghai, with its check character. */
function residentId(birth: string): string {
  const first17 = `310115${birth}${String(100 + Math.floor(Math.random() * 900))}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** Every API answer's body the page receives from now on (read as text; failed reads are left out). */
function recordApiAnswers(page: Page): Array<Promise<{ url: string; body: string }>> {
  const answers: Array<Promise<{ url: string; body: string }>> = [];
  page.on('response', (response: Response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    answers.push(response.text().then((body) => ({ url: new URL(response.url()).pathname, body }), () => ({ url: new URL(response.url()).pathname, body: '' })));
  });
  return answers;
}

describe.skipIf(!chromiumPath)('buying accident insurance for a parent in Chromium', () => {
  it('R-POL-4 R-POL-6 R-POL-8 R-POL-9 R-POL-10 a signed-in customer insures a parent of 60+ with the 健康告知 answered, pays in the sandbox and finds the policy in 我的保险; the answers never come back from the site', async () => {
    const buyer = buildPersonPi();
    const parent = buildPersonPi();
    const buyerId = residentId('19880615');
    const parentId = residentId('19580317');
    const { page, problems } = await suite.open(`/sign-in?next=${encodeURIComponent('/buy/senior-accident')}`);
    await enterDemoCode(page, buyer.phone);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('purchase-page').waitFor(PATIENCE);

    // 方案与保障: a year of cover from a first day, priced by the occupation class and the parent's age.
    await page.getByTestId('purchase-step-trip').waitFor();
    expect(await page.getByTestId('field-endDate').count()).toBe(0);
    await box(page, '/startDate').fill(beijingDate(3));
    await choose(page, 'field-occupationClass', '2 类');
    await page.getByTestId('trip-age-0').fill('68');
    // Standard plan, class 2: ¥180 a year.
    await expect.poll(() => page.getByTestId('trip-quote-total').getAttribute('data-fen'), PATIENCE).toBe('18000');
    await page.getByTestId('purchase-next').click();
    await readTheTerms(page);

    // 填写信息: the buyer as policyholder, their parent as the insured person.
    await page.getByTestId('purchase-step-applicant').waitFor();
    await box(page, '/policyholder/person/name').fill(buyer.name);
    await box(page, '/policyholder/person/idDocument/number').fill(buyerId);
    await box(page, '/policyholder/person/phone').fill(buyer.phone);
    await choose(page, 'field-insured-0-relationship', '父母');
    await box(page, '/insured/0/person/name').fill(parent.name);
    await box(page, '/insured/0/person/idDocument/number').fill(parentId);
    // The class priced carries over; the parent's own class is chosen all the same, as a buyer checks it.
    expect(await page.getByTestId(fieldId('/insured/0/person/occupationClass')).textContent()).toContain('2 类');
    await choose(page, fieldId('/insured/0/person/occupationClass'), '1 类');

    // 健康告知 of the parent: opened by itself, nothing preselected, every question answered 否.
    await page.getByTestId('step-health_declaration-body').waitFor(PATIENCE);
    expect(await page.getByTestId('step-health_declaration-body').textContent()).toContain('如实回答');
    const health = page.getByTestId('health-insured-0-healthAnswers');
    const questions = health.locator('li');
    expect(await questions.count()).toBeGreaterThanOrEqual(3);
    expect(await health.locator('.ant-radio-wrapper-checked').count()).toBe(0);
    expect(await health.textContent()).toContain('跌倒');
    const questionIds = await health.locator('[data-testid^="field-insured-0-healthAnswers-"]').evaluateAll((fields) => fields.map((field) => (field.getAttribute('data-testid') ?? '').replace('field-insured-0-healthAnswers-', '')));
    expect(questionIds).toHaveLength(await questions.count());
    for (let index = 0; index < (await questions.count()); index += 1) await questions.nth(index).getByText('否', { exact: true }).click();
    await expect.poll(() => health.locator('.ant-radio-wrapper-checked').count(), PATIENCE).toBe(await questions.count());
    expect(await page.getByTestId('problem-insured-0-healthAnswers').count()).toBe(0);
    await page.getByTestId('step-health_declaration-confirm').click();
    await expect.poll(() => page.getByTestId('step-health_declaration').getAttribute('data-confirmed'), PATIENCE).toBe('true');
    await page.getByTestId('purchase-next').click();

    // 确认投保: insuring a parent, the buyer attests their authorisation; then the two consents and the confirmation.
    await page.getByTestId('purchase-step-confirm').waitFor();
    await expect.poll(() => page.getByTestId('confirm-quote-total').getAttribute('data-fen'), PATIENCE).toBe('15000');
    expect(await page.getByTestId('purchase-submit').isDisabled()).toBe(true);
    await readAndTick(page, 'authorisation');
    await giveConsentsAndConfirm(page);
    const answers = recordApiAnswers(page);
    await page.getByTestId('purchase-submit').click();

    await page.getByTestId('order-page').waitFor(PATIENCE);
    const orderId = (await page.getByTestId('order-page').getAttribute('data-order')) as string;
    expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('awaiting_payment');
    expect(await page.getByTestId('order-premium').getAttribute('data-fen')).toBe('15000');
    await page.getByTestId('order-pay').click();
    await page.getByTestId('sandbox-pay').waitFor(PATIENCE);
    expect(await page.getByTestId('sandbox-description').textContent()).toBe('老年人意外保险（一年期）');
    expect(await page.content()).not.toContain(parent.name);
    await page.getByTestId('sandbox-pay').click();

    await page.waitForURL(`**/orders/${orderId}/paid`, PATIENCE);
    await page.getByTestId('paid-issued').waitFor(ISSUING);
    const policyNumber = ((await page.getByTestId('policy-number').textContent()) ?? '').trim();
    expect(policyNumber).not.toBe('');

    // 我的保险: the policy, the parent named with their ID number masked, and the order issued.
    await page.getByTestId('site-nav').getByRole('link', { name: '我的保险' }).click();
    await page.waitForURL('**/account/insurance', PATIENCE);
    await expect.poll(() => page.getByTestId('my-policy-number').first().textContent(), PATIENCE).toBe(policyNumber);
    const card = page.getByTestId('my-policy').first();
    expect(await card.getAttribute('data-status')).toBe('issued');
    expect(await card.textContent()).toContain('老年人意外保险（一年期）');
    expect(await card.textContent()).toContain(parent.name);
    expect(await card.textContent()).not.toContain(parentId);
    await page.getByRole('tab', { name: '订单' }).click();
    await expect.poll(() => page.locator(`[data-testid="my-order"][data-order="${orderId}"]`).getAttribute('data-status'), PATIENCE).toBe('issued');
    // The application became an order: its draft is gone, and no late autosave brought it back (R-POL-4).
    await page.getByRole('tab', { name: '草稿' }).click();
    await page.getByText('暂无草稿。').waitFor(PATIENCE);
    expect(await page.getByTestId('my-draft').count()).toBe(0);

    // The health answers went to the server once, with the application; nothing the site answers since carries them.
    const policies = await fetchJson<{ policies: unknown[] }>(page, '/api/site/policies');
    expect(policies.policies).toHaveLength(1);
    await fetchJson(page, `/api/site/orders/${orderId}`);
    const seen = await Promise.all(answers);
    expect(seen.map((answer) => answer.url)).toEqual(expect.arrayContaining(['/api/site/policies', `/api/site/orders/${orderId}`]));
    for (const answer of seen) {
      // A draft saved on the way to 确认投保 may echo an empty `healthAnswers: {}` (no consent to keep
      // sensitive data in it yet): the key carries nothing; any answer would.
      expect(answer.body, answer.url).not.toMatch(/health_answers|"healthAnswers":\{(?!\})/i);
      for (const id of questionIds) expect(answer.body, answer.url).not.toContain(id);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
