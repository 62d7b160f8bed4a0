import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { freshPhone, outboxCode, requestCode, submitOutboxCode, type Phone } from '../support/customer-browser.ts';
import { startServerProcess } from '../support/server-process.ts';

const chromiumPath = inject('chromiumPath');
// The server lets a number have a new code only 60 s after the previous one.
const RESEND_COOLDOWN_MS = 61_000;

const suite = useBrowserSuite({
  // The server writes every "text message" to a file instead of sending it; the test reads codes back.
  smsOutbox: true,
  // startServerProcess kills its server 30 s after the start timeout; this file runs longer than
  // the default 60 + 30 s (one test waits out the resend cooldown), so the timeout is raised.
  startTimeoutMs: 150_000,
});
const { open } = suite;

/** Signs in on /sign-in with a text-message code; returns the code used. */
async function signInWithCode(page: Page, phone: Phone, previous?: string): Promise<string> {
  await page.getByTestId('sign-in-title').waitFor();
  const code = await submitOutboxCode(page, suite.outbox, phone, previous);
  await page.getByTestId('account-menu').waitFor();
  return code;
}

async function signOutFromHeader(page: Page): Promise<void> {
  await page.getByTestId('account-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('nav-sign-in').waitFor();
}

async function setPassword(page: Page, password: string): Promise<void> {
  await page.getByTestId('password-input').fill(password);
  await page.getByTestId('password-save').click();
  await expect.poll(() => page.getByTestId('password-status').textContent()).toContain('已设置');
}

describe.skipIf(!chromiumPath)('customer sign-in in Chromium', () => {
  it(
    'R-ACC-1 R-ACC-5 register by SMS code → sign out → sign in again',
    async () => {
      const phone = freshPhone();
      const { page, problems } = await open('/');
      await page.getByTestId('nav-sign-in').click();
      expect(await page.getByTestId('sign-in-register-note').getByRole('link', { name: '《隐私政策》' }).getAttribute('href')).toBe('/privacy');
      const firstCode = await signInWithCode(page, phone);
      const codeSentAt = Date.now();

      // Registered and signed in: the account page shows the number masked and lists this browser.
      expect(new URL(page.url()).pathname).toBe('/account/security');
      await expect.poll(() => page.getByTestId('account-phone').textContent()).toBe(`${phone.national.slice(0, 3)}****${phone.national.slice(-4)}`);
      const sessions = page.getByTestId('sessions-table');
      await sessions.getByTestId('session-current').waitFor();
      expect(await sessions.locator('tbody tr.ant-table-row').count()).toBe(1);
      expect(await sessions.textContent()).toContain('Chrome');
      expect(await sessions.textContent()).toContain('当前设备');

      await signOutFromHeader(page);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.goto(`${suite.server.url}/account/security`, { waitUntil: 'networkidle' });
      await page.getByTestId('sign-in-title').waitFor();
      expect(new URL(page.url()).search).toBe('?next=%2Faccount%2Fsecurity');

      // The same number signs in again (not a new registration) once it may have a new code.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, codeSentAt + RESEND_COOLDOWN_MS - Date.now())));
      await signInWithCode(page, phone, firstCode);
      await page.getByText('登录成功').waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/security');
      await expect.poll(() => page.getByTestId('account-phone').textContent()).toContain('****');
      expect(problems).toEqual([]);
    },
    150_000,
  );

  it('R-ACC-1 five wrong codes lock the number with a clear message', async () => {
    const phone = freshPhone();
    const { page } = await open('/sign-in');
    await requestCode(page, phone.national);
    const code = await outboxCode(suite.outbox, phone.e164);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const problem = page.getByTestId('sign-in-problem');

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await page.getByTestId('sign-in-code').fill(wrong);
      await page.getByTestId('sign-in-submit').click();
      await expect.poll(() => problem.textContent()).toContain(`还可以尝试 ${5 - attempt} 次`);
    }
    await page.getByTestId('sign-in-code').fill(wrong);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => problem.textContent()).toContain('15 分钟');
    expect(await problem.textContent()).toContain('登录已暂时锁定');

    // Locked means locked: even the right code does not get in now.
    await page.getByTestId('sign-in-code').fill(code);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => problem.textContent()).toContain('15 分钟');
    expect(await page.getByTestId('nav-sign-in').count()).toBe(1);
  });

  it('R-ACC-3 set a password with the strength meter, then sign in with it', async () => {
    const phone = freshPhone();
    const { page, problems } = await open('/sign-in');
    await signInWithCode(page, phone);
    await expect.poll(() => page.getByTestId('password-status').textContent()).toContain('还没有设置密码');

    const meter = page.getByTestId('password-strength');
    await page.getByTestId('password-input').fill('abc');
    expect(await meter.getAttribute('data-score')).toBe('0');
    expect(await meter.textContent()).toContain('至少使用 8 个字符');
    expect(await page.getByTestId('password-save').isDisabled()).toBe(true);

    await page.getByTestId('password-input').fill('password1');
    expect(await meter.textContent()).toContain('不要使用常见密码');
    expect(await page.getByTestId('password-save').isDisabled()).toBe(true);

    const password = 'Qing-Shan-73x!Lan';
    await page.getByTestId('password-input').fill(password);
    expect(Number(await meter.getAttribute('data-score'))).toBeGreaterThanOrEqual(3);
    expect(await meter.textContent()).toMatch(/密码强度：(强|很强)/);
    await setPassword(page, password);
    await signOutFromHeader(page);

    await page.goto(`${suite.server.url}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('tab', { name: '密码登录' }).click();
    await page.getByTestId('sign-in-phone').fill(phone.national);
    await page.getByTestId('sign-in-password').fill(`${password}-wrong`);
    await page.getByTestId('password-sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-problem').textContent()).toContain('登录信息不正确');

    await page.getByTestId('sign-in-password').fill(password);
    await page.getByTestId('password-sign-in-submit').click();
    await page.getByTestId('account-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account/security');
    await expect.poll(() => page.getByTestId('password-status').textContent()).toContain('已设置');
    // The only console messages are the two refused sign-ins' 401 answers.
    expect(problems.filter((problem) => !problem.includes('401'))).toEqual([]);
  });

  it('R-ACC-5 sign out everywhere ends another browser\'s session', async () => {
    const phone = freshPhone();
    const password = 'Hong-Mei-2046!bt';
    const first = await open('/sign-in');
    await signInWithCode(first.page, phone);
    await setPassword(first.page, password);

    // A second browser (its own cookies) signs in to the same account with the password.
    const second = await open('/sign-in');
    await second.page.getByRole('tab', { name: '密码登录' }).click();
    await second.page.getByTestId('sign-in-phone').fill(phone.national);
    await second.page.getByTestId('sign-in-password').fill(password);
    await second.page.getByTestId('password-sign-in-submit').click();
    await second.page.getByTestId('account-menu').waitFor();

    await first.page.reload({ waitUntil: 'networkidle' });
    const rows = first.page.getByTestId('sessions-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await first.page.getByTestId('revoke-session').count()).toBe(1);

    await first.page.getByTestId('sign-out-everywhere').click();
    await first.page.getByTestId('sign-out-everywhere-confirm').click();
    await first.page.getByTestId('sign-in-title').waitFor();
    await first.page.getByTestId('nav-sign-in').waitFor();

    await second.page.reload({ waitUntil: 'networkidle' });
    await second.page.getByTestId('sign-in-title').waitFor();
    expect(new URL(second.page.url()).pathname).toBe('/sign-in');
    expect(await second.page.getByTestId('account-menu').count()).toBe(0);
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
  });

  it('R-ACC-1 in demo mode no SMS is sent and the page shows the code under a 演示模式 label', async () => {
    const demo = await startServerProcess();
    try {
      const phone = freshPhone();
      const { page, problems } = await suite.newPage();
      await page.goto(`${demo.url}/sign-in`, { waitUntil: 'networkidle' });
      await page.getByTestId('sign-in-phone').fill(phone.national);
      await page.getByTestId('send-code').click();
      const notice = page.getByTestId('demo-code-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('演示模式');
      expect(await notice.textContent()).toContain('未发送短信');
      const code = (await page.getByTestId('demo-code').textContent()) ?? '';
      expect(code).toMatch(/^\d{6}$/);
      // The countdown, from the server's resendAfterSeconds, keeps the person from asking again at once.
      expect(await page.getByTestId('send-code').isDisabled()).toBe(true);
      expect(await page.getByTestId('send-code').textContent()).toMatch(/^(60|59) 秒后可重新获取$/);

      await page.getByTestId('sign-in-code').fill(code);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('account-menu').waitFor();
      await page.getByText('注册成功，欢迎使用 Besttrav').waitFor();
      expect(new URL(page.url()).pathname).toBe('/account/security');
      expect(problems).toEqual([]);
    } finally {
      expect(await demo.stop()).toBe(0);
    }
  });
});
