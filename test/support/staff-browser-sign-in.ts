import { generateSync } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

const STEP_SECONDS = 30;

/** A staff account as a browser test knows it: its password and, once enrolled, its TOTP secret. */
export interface StaffLogin {
  username: string;
  password: string;
  secret?: string;
  /** The last TOTP time step used: the server accepts each step once per account. */
  lastStep?: number;
  /** Once signed in, the session cookies, which later tests reuse instead of signing in again. */
  cookies?: Awaited<ReturnType<BrowserContext['cookies']>>;
}

/**
 * A code the server will take: each time step works once per account (no replay), and the server
 * accepts the step before and after the current one. So use the current step, or the next one when
 * the current one was already used; wait for the clock only when even the next one is used up.
 */
export async function nextTotp(login: StaffLogin): Promise<string> {
  const secret = login.secret as string;
  for (;;) {
    const current = Math.floor(Date.now() / 1000 / STEP_SECONDS);
    const step = Math.max(current, (login.lastStep ?? -1) + 1);
    if (step <= current + 1) {
      login.lastStep = step;
      return generateSync({ secret, epoch: step * STEP_SECONDS });
    }
    await new Promise((resolve) => setTimeout(resolve, (current + 1) * STEP_SECONDS * 1000 - Date.now() + 200));
  }
}

/** Signs in on /console/sign-in, enrolling the authenticator the first time; ends on a console page. */
export async function signInStaff(page: Page, login: StaffLogin): Promise<void> {
  await page.getByTestId('staff-username').fill(login.username);
  await page.getByTestId('staff-password').fill(login.password);
  await page.getByTestId('staff-password-submit').click();
  const codeInput = page.getByTestId('totp-code');
  await codeInput.waitFor();
  if (!login.secret) {
    const secret = page.getByTestId('totp-secret');
    await secret.waitFor();
    login.secret = (await secret.textContent()) ?? '';
    expect(login.secret).toMatch(/^[A-Z2-7]{16,}$/);
  }
  await codeInput.fill(await nextTotp(login));
  await page.getByTestId('totp-submit').click();
  // Attached, not visible: below the md breakpoint the menu is collapsed out of sight.
  await page.getByTestId('console-sider').waitFor({ state: 'attached' });
}
