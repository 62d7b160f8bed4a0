import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { buildPersonPi, type PersonPi } from '../support/factories/person.ts';
import { residentIdCheckCharacter } from '../../src/shared/identity-documents.ts';
import { enterDemoCode } from '../support/customer-browser.ts';
import { beijingDate } from '../support/purchase-api.ts';
import { box, choose, fieldId, readAndTick, readTheTerms } from '../support/purchase-wizard.ts';

const chromiumPath = inject('chromiumPath');
// Signed-in customers get their code shown on the page (demo mode), as on a fresh installation.
const suite = useBrowserSuite({ env: { SMS_PROVIDER: 'demo' } });

// A slow, shared machine: give answers time to arrive; issuing a policy goes through the reference insurer.
const PATIENCE = { timeout: 30_000 };
const ISSUING = { timeout: 90_000 };

const problemAt = (page: Page, pointer: string) => page.getByTestId(fieldId(pointer)).getByTestId('field-problem');

/** 方案与行程: France and Germany, 10 days from 10 days ahead, two adults priced. */
async function fillTrip(page: Page): Promise<void> {
  await page.getByTestId('purchase-step-trip').waitFor();
  await choose(page, 'field-destinations', '法国', { search: true });
  await choose(page, 'field-destinations', '德国', { search: true });
  await box(page, '/startDate').fill(beijingDate(10));
  await box(page, '/endDate').fill(beijingDate(19));
  await page.getByTestId('trip-age-0').fill('34');
  await page.getByTestId('trip-add-age').click();
  await page.getByTestId('trip-age-1').fill('36');
  // Standard plan, 10 days in the Schengen area: ¥46 for each adult.
  await expect.poll(() => page.getByTestId('trip-quote-total').getAttribute('data-fen'), PATIENCE).toBe('9200');
  await page.getByTestId('purchase-next').click();
}

/** 填写信息: the buyer (name, ID, phone, e-mail) travelling with their spouse. */
async function fillApplicants(page: Page, holder: PersonPi, spouse: PersonPi, holderId = holder.idNumber): Promise<void> {
  await page.getByTestId('purchase-step-applicant').waitFor();
  await box(page, '/policyholder/person/name').fill(holder.name);
  await box(page, '/policyholder/person/idDocument/number').fill(holderId);
  await box(page, '/policyholder/person/phone').fill(holder.phone);
  await box(page, '/policyholder/person/email').fill(holder.email);
  // The buyer travels too (本人): only what their ID number does not already say.
  await box(page, '/insured/0/person/namePinyin').fill('zhang san');
  await box(page, '/insured/0/person/passportNumber').fill(holder.passport);
  await choose(page, 'field-insured-1-relationship', '配偶');
  await box(page, '/insured/1/person/name').fill(spouse.name);
  await box(page, '/insured/1/person/namePinyin').fill('LI SI');
  await box(page, '/insured/1/person/passportNumber').fill(spouse.passport);
  await box(page, '/insured/1/person/birthDate').fill(spouse.birthDate);
  await page.getByTestId('field-insured-1-person-sex').getByText('女').click();
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!chromiumPath)('buying insurance in Chromium', () => {
  it('R-POL-4 R-POL-5 R-POL-7 R-POL-8 R-POL-9 R-POL-10 a guest buys Schengen travel insurance for two, pays in the sandbox and downloads the e-policy', async () => {
    const { page, problems } = await suite.open('/products/schengen-visa');
    const holder = buildPersonPi();
    const spouse = buildPersonPi({ birthDate: '1988-04-12' });
    await page.getByTestId('product-apply').click();
    await page.getByTestId('purchase-page').waitFor(PATIENCE);
    // Without an account: the page started a guest session for the purchase.
    expect((await page.context().cookies()).some((cookie) => cookie.name === 'bt_sid')).toBe(true);

    await fillTrip(page);
    await readTheTerms(page);
    await fillApplicants(page, holder, spouse);
    expect(await page.getByTestId('insured-0-self-note').textContent()).toContain(holder.birthDate);
    await page.getByTestId('purchase-next').click();

    await page.getByTestId('purchase-step-confirm').waitFor();
    await expect.poll(() => page.getByTestId('confirm-quote-total').getAttribute('data-fen'), PATIENCE).not.toBeNull();
    const premiumFen = await page.getByTestId('confirm-quote-total').getAttribute('data-fen');
    expect(await page.getByTestId('purchase-submit').isDisabled()).toBe(true);
    // Insuring the spouse: the buyer attests their authorisation; the two consents stand apart, unticked.
    await readAndTick(page, 'authorisation');
    for (const purpose of ['sensitive_pi', 'share_with_insurer']) {
      const consent = page.getByTestId(`consent-${purpose}`);
      expect(await consent.locator('input').isChecked()).toBe(false);
      await consent.locator('.ant-checkbox-wrapper').click();
      await expect.poll(() => consent.locator('input').isChecked()).toBe(true);
    }
    await readAndTick(page, 'confirmation');
    await page.getByTestId('purchase-submit').click();

    await page.getByTestId('order-page').waitFor(PATIENCE);
    const orderId = (await page.getByTestId('order-page').getAttribute('data-order')) as string;
    expect(page.url()).toContain(`/orders/${orderId}`);
    expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('awaiting_payment');
    expect(await page.getByTestId('order-premium').getAttribute('data-fen')).toBe(premiumFen);
    expect(await page.getByTestId('order-premium').textContent()).toMatch(/^¥\d[\d,]*\.\d\d$/);
    expect(await page.getByTestId('order-time-left').textContent()).toMatch(/(29|30):\d\d/);

    await page.getByTestId('order-pay').click();
    await page.getByTestId('sandbox-pay').waitFor(PATIENCE);
    expect(await page.getByTestId('sandbox-description').textContent()).toBe('申根签证旅行保险');
    expect(await page.content()).not.toContain(holder.name);
    await page.getByTestId('sandbox-pay').click();

    await page.waitForURL(`**/orders/${orderId}/paid`, PATIENCE);
    await page.getByTestId('paid-issued').waitFor(ISSUING);
    const policyNumber = ((await page.getByTestId('policy-number').textContent()) ?? '').trim();
    expect(policyNumber).not.toBe('');
    const [download] = await Promise.all([page.waitForEvent('download', PATIENCE), page.getByTestId('download-e-policy').click()]);
    const text = pdfText(await download.path());
    expect(text).toContain(policyNumber);
    expect(text).toContain('申根签证旅行保险');
    expect(text).toContain('Schengen Visa Travel Insurance');
    expect(await page.getByTestId('download-schengen').count()).toBe(1);

    // 我的保险 shows the guest's policy and order.
    await page.getByTestId('site-nav').getByRole('link', { name: '我的保险' }).click();
    await expect.poll(() => page.getByTestId('my-policy-number').first().textContent(), PATIENCE).toBe(policyNumber);
    await page.getByRole('tab', { name: '订单' }).click();
    await expect.poll(() => page.locator(`[data-testid="my-order"][data-order="${orderId}"]`).getAttribute('data-status'), PATIENCE).toBe('issued');
    expect(problems).toEqual([]);
  }, 300_000);

  it('R-POL-4 a bad ID number is shown under its box in Chinese, every typed value is kept, and the page fits 375 px', async () => {
    const { page, problems } = await suite.open('/buy/schengen-visa', { width: 375, height: 740 });
    const holder = buildPersonPi();
    const spouse = buildPersonPi();
    const badId = `${holder.idNumber.slice(0, 17)}${holder.idNumber.endsWith('0') ? '1' : '0'}`;
    await fillTrip(page);
    await readTheTerms(page);
    await fillApplicants(page, holder, spouse, badId);
    await page.getByTestId('purchase-next').click();

    await expect.poll(() => problemAt(page, '/policyholder/person/idDocument/number').textContent(), PATIENCE).toContain('校验位（最后一位）不正确');
    expect(await page.getByTestId('purchase-step-applicant').isVisible()).toBe(true);
    expect(await box(page, '/policyholder/person/name').inputValue()).toBe(holder.name);
    expect(await box(page, '/policyholder/person/idDocument/number').inputValue()).toBe(badId);
    expect(await box(page, '/policyholder/person/phone').inputValue()).toBe(holder.phone);
    expect(await box(page, '/policyholder/person/email').inputValue()).toBe(holder.email);
    expect(await box(page, '/insured/0/person/namePinyin').inputValue()).toBe('ZHANG SAN');
    expect(await box(page, '/insured/1/person/name').inputValue()).toBe(spouse.name);
    expect(await box(page, '/insured/1/person/passportNumber').inputValue()).toBe(spouse.passport);
    expect(await box(page, '/insured/1/person/birthDate').inputValue()).toBe(spouse.birthDate);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // Going back to the trip and forth again loses nothing; the corrected number clears the problem.
    await page.getByTestId('purchase-back').click();
    await page.getByTestId('purchase-back').click();
    await page.getByTestId('purchase-next').click();
    await page.getByTestId('purchase-next').click();
    expect(await box(page, '/policyholder/person/idDocument/number').inputValue()).toBe(badId);
    await box(page, '/policyholder/person/idDocument/number').fill(holder.idNumber);
    await expect.poll(() => problemAt(page, '/policyholder/person/idDocument/number').count(), PATIENCE).toBe(0);
    await page.getByTestId('purchase-next').click();
    await page.getByTestId('purchase-step-confirm').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  }, 180_000);

  it('R-POL-4 R-POL-6 a signed-in customer answers the health declaration (a yes is declined at once) and finds the draft again, without the ID number', async () => {
    const person = buildPersonPi();
    const first17 = `110105${'19900512'}013`;
    const idNumber = first17 + residentIdCheckCharacter(first17);
    const { page, problems } = await suite.open(`/sign-in?next=${encodeURIComponent('/buy/million-medical')}`);
    await enterDemoCode(page, person.phone);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('purchase-page').waitFor(PATIENCE);

    // A year of cover from a first day: no last day to choose.
    await page.getByTestId('purchase-step-trip').waitFor();
    expect(await page.getByTestId('field-endDate').count()).toBe(0);
    await box(page, '/startDate').fill(beijingDate(5));
    await page.getByTestId('trip-age-0').fill('35');
    await expect.poll(() => page.getByTestId('trip-quote-total').getAttribute('data-fen'), PATIENCE).not.toBeNull();
    await page.getByTestId('purchase-next').click();
    await readTheTerms(page);

    await page.getByTestId('purchase-step-applicant').waitFor();
    await box(page, '/policyholder/person/name').fill(person.name);
    await box(page, '/policyholder/person/idDocument/number').fill(idNumber);
    await box(page, '/policyholder/person/phone').fill(person.phone);
    // The 健康告知 opened by itself: every question unanswered; a yes declines at once.
    await page.getByTestId('step-health_declaration-body').waitFor(PATIENCE);
    const health = page.getByTestId('health-insured-0-healthAnswers');
    expect(await health.locator('input[type="radio"]:checked').count()).toBe(0);
    await page.getByTestId('field-insured-0-healthAnswers-hospital_2y').getByText('是', { exact: true }).click();
    await expect.poll(() => page.getByTestId('problem-insured-0-healthAnswers').textContent(), PATIENCE).toContain('暂不符合本产品的投保条件');
    for (const question of ['hospital_2y', 'serious_illness', 'abnormal_results', 'current_treatment', 'declined_before']) {
      await page.getByTestId(`field-insured-0-healthAnswers-${question}`).getByText('否', { exact: true }).click();
    }
    await expect.poll(() => page.getByTestId('problem-insured-0-healthAnswers').count(), PATIENCE).toBe(0);
    await page.getByTestId('step-health_declaration-confirm').click();
    await expect.poll(() => page.getByTestId('step-health_declaration').getAttribute('data-confirmed'), PATIENCE).toBe('true');
    await page.getByTestId('purchase-next').click();
    await page.getByTestId('purchase-step-confirm').waitFor();
    await page.getByTestId('draft-saved').waitFor(PATIENCE);

    // Back later: the draft is offered; it kept the name, not the ID number (no sensitive-PI consent yet).
    await page.goto(`${suite.server.url}/buy/million-medical`, { waitUntil: 'networkidle' });
    await page.getByTestId('draft-offer').waitFor(PATIENCE);
    await page.getByTestId('draft-resume').click();
    expect(await box(page, '/startDate').inputValue()).toBe(beijingDate(5));
    await page.getByTestId('purchase-next').click();
    await readTheTerms(page);
    expect(await box(page, '/policyholder/person/name').inputValue()).toBe(person.name);
    expect(await box(page, '/policyholder/person/idDocument/number').inputValue()).toBe('');
    expect(await page.getByTestId('health-insured-0-healthAnswers').locator('input[type="radio"]:checked').count()).toBe(0);

    await page.getByTestId('site-nav').getByRole('link', { name: '我的保险' }).click();
    await page.getByRole('tab', { name: '草稿' }).click();
    await page.locator('[data-testid="my-draft"][data-product="million-medical"]').waitFor(PATIENCE);
    expect(problems).toEqual([]);
  }, 240_000);
});
