import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { residentIdCheckCharacter } from '../../src/shared/identity-documents.ts';
import type { WatchedPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { enterDemoCode } from '../support/customer-browser.ts';
import { buildPersonPi } from '../support/factories/person.ts';

const chromiumPath = inject('chromiumPath');
const suite = useBrowserSuite({ env: { SMS_PROVIDER: 'demo' }, startTimeoutMs: 150_000 });

/** A phone-sized browser (375 px wide), as most customers use the site. */
async function openOnPhone(path: string): Promise<WatchedPage> {
  const watched = await suite.open(path, { width: 375, height: 812 });
  await answerCookieBanner(watched.page);
  return watched;
}

/** The cookie banner (when the site shows one) is answered first, as a person would: no thanks. */
async function answerCookieBanner(page: Page): Promise<void> {
  const rejectCookies = page.getByTestId('cookie-reject-all');
  const isShown = await rejectCookies.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (isShown) await rejectCookies.click();
}

/** Signs in on /sign-in with the code the demo mode shows on the page. */
async function signInWithDemoCode(page: Page, phone: string): Promise<void> {
  await enterDemoCode(page, phone);
  await page.getByTestId('sign-in-submit').click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/account/profile');
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

const masked = (national: string) => `${national.slice(0, 3)}****${national.slice(-4)}`;

describe.skipIf(!chromiumPath)('个人信息 in Chromium', () => {
  it('R-ACC-4 fill the profile with an ID number and its consent, see it masked, reveal it with a code, change the phone — on a 375 px screen', async () => {
    const person = buildPersonPi();
    const first17 = `110105${person.birthDate.replaceAll('-', '')}013`; // 17th digit odd: a man
    const idNumber = first17 + residentIdCheckCharacter(first17);
    const { page, problems } = await openOnPhone('/account/profile');

    // Signed out, the page sends the person to sign in and brings them back.
    await page.getByTestId('sign-in-title').waitFor();
    await signInWithDemoCode(page, person.phone);
    await page.getByTestId('profile-title').waitFor();
    expect(await page.getByTestId('profile-phone').textContent()).toBe(masked(person.phone));

    await page.getByTestId('profile-name').fill(person.name);
    await choose(page, 'profile-gender', '男');
    await page.getByTestId('profile-email').fill(person.email);
    await page.getByTestId('profile-address').fill(person.address);
    await choose(page, 'profile-id-type', '居民身份证');

    // Checked as typed, with the server's rules: a mistyped digit breaks the check digit.
    const mistyped = `${idNumber.slice(0, 10)}${(Number(idNumber[10]) + 1) % 10}${idNumber.slice(11)}`;
    await page.getByTestId('profile-id-number').fill(mistyped);
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/校验位|出生日期/)]));
    await page.getByTestId('profile-id-number').fill(idNumber.toLowerCase());

    // The separate consent is asked for right here, with its purpose, and is not ticked.
    const consentBox = page.getByTestId('profile-consent-box');
    await consentBox.waitFor();
    expect(await consentBox.textContent()).toContain('敏感个人信息');
    expect(await page.getByTestId('profile-consent').isChecked()).toBe(false);
    await page.getByTestId('profile-save').click();
    await expect.poll(() => consentBox.textContent()).toContain('请先勾选同意');
    await page.getByTestId('profile-consent').check();
    await page.getByTestId('profile-save').click();
    await page.getByText('个人信息已保存').waitFor();

    // Saved: the number is shown only masked.
    const maskedId = page.getByTestId('profile-id-masked');
    await maskedId.waitFor();
    expect(await maskedId.textContent()).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(await page.content()).not.toContain(idNumber);

    // 显示 asks for a fresh code to the account's phone.
    await page.getByTestId('profile-id-reveal').click();
    await page.getByTestId('reveal-send-code').click();
    const revealCode = (await page.getByTestId('reveal-demo-code').textContent()) ?? '';
    await page.getByTestId('reveal-code').fill(revealCode);
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => page.getByTestId('revealed-id-number').textContent()).toBe(idNumber);
    await page.getByRole('button', { name: '关闭' }).first().click();
    await expect.poll(() => page.getByTestId('revealed-id-number').count()).toBe(0);
    // The dialog's code form is its own: it never submitted the profile form around it.
    expect(await page.getByText('没有需要保存的修改').count()).toBe(0);

    // Changing the phone needs the codes of both numbers.
    const newPhone = buildPersonPi().phone;
    await page.getByTestId('phone-change-open').click();
    await page.getByTestId('phone-new').fill(newPhone);
    await page.getByTestId('phone-send-codes').click();
    const currentCode = (await page.getByTestId('phone-demo-current').textContent()) ?? '';
    const newCode = (await page.getByTestId('phone-demo-new').textContent()) ?? '';
    await page.getByTestId('phone-current-code').fill(currentCode);
    await page.getByTestId('phone-new-code').fill(String((Number(newCode) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByTestId('phone-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('验证码不正确')]));
    await page.getByTestId('phone-new-code').fill(newCode);
    await page.getByTestId('phone-submit').click();
    await page.getByText(`手机号码已更换为 ${masked(newPhone)}`).waitFor();
    await expect.poll(() => page.getByTestId('profile-phone').textContent()).toBe(masked(newPhone));

    // The history names what changed and who changed it, never the values.
    const history = page.getByTestId('profile-history');
    await expect.poll(() => history.getByTestId('history-entry').count()).toBe(2);
    const entries = await history.getByTestId('history-entry').allTextContents();
    expect(entries[0]).toContain('手机号码');
    expect(entries[1]).toMatch(/姓名.*证件信息/);
    expect(entries.join('')).toContain('本人通过网站修改');
    expect(await history.textContent()).not.toContain(person.name);

    // Nothing spills sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The only console messages are the answers to the refused save and the wrong code.
    expect(problems.filter((problem) => !/\b400\b/.test(problem))).toEqual([]);
  });

  it('R-ACC-4 the profile is one click from the account menu and speaks English, checking as the person types', async () => {
    const person = buildPersonPi();
    const { page, problems } = await suite.open('/sign-in?next=%2Faccount%2Fprofile');
    await answerCookieBanner(page);
    await signInWithDemoCode(page, person.phone);
    await page.goto(`${suite.server.url}/`, { waitUntil: 'networkidle' });
    await page.getByTestId('account-menu').click();
    await page.getByTestId('nav-profile').click();
    await page.getByTestId('profile-title').waitFor();
    expect(await page.getByTestId('profile-title').textContent()).toBe('个人信息');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('profile-title').textContent()).toBe('Personal details');

    await page.getByTestId('profile-email').fill('not-an-address');
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toEqual([expect.stringContaining('valid e-mail address')]);
    await page.getByTestId('profile-email').fill(person.email);
    await page.getByTestId('profile-save').click();
    await page.getByText('Your details are saved').waitFor();
    await expect.poll(() => page.getByTestId('history-entry').first().textContent()).toContain('E-mail');
    expect(problems).toEqual([]);
  });
});
