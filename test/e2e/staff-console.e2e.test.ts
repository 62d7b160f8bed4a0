import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite, type StaffAccount } from '../support/browser-suite.ts';
import { enterDemoCode } from '../support/customer-browser.ts';
import { buildPersonPi } from '../support/factories/person.ts';
import { fetchJson, send, statusOf } from '../support/page-fetch.ts';
import { nextTotp, signInStaff, type StaffLogin } from '../support/staff-browser-sign-in.ts';

const chromiumPath = inject('chromiumPath');
const admin: StaffAccount = { username: 'admin.e2e', name: '测试管理员', role: 'administrator', password: '' };
const suite = useBrowserSuite({ staff: [admin] });
const { open } = suite;

describe.skipIf(!chromiumPath)('staff console sign-in and staff administration in Chromium', () => {
  it('R-SEC-8 R-PLAT-3 staff TOTP enrolment and sign-in', async () => {
    const { page, problems } = await open('/console');
    // Without a staff session the console sends the browser to its own sign-in page.
    await page.getByTestId('staff-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');

    await page.getByTestId('staff-username').fill(admin.username);
    await page.getByTestId('staff-password').fill(admin.password);
    await page.getByTestId('staff-password-submit').click();
    // First sign-in: enrol an authenticator from the QR code or the key typed by hand.
    const qr = page.getByTestId('totp-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.getAttribute('alt')).toContain('身份验证器');
    expect(await page.getByTestId('totp-enrollment').textContent()).toContain('腾讯身份验证器');
    admin.secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(admin.secret).toMatch(/^[A-Z2-7]{16,}$/);

    // A wrong code is refused and the person stays on the step.
    const right = await nextTotp(admin);
    admin.lastStep = undefined;
    await page.getByTestId('totp-code').fill(String((Number(right) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByTestId('totp-submit').click();
    await expect.poll(() => page.getByTestId('staff-sign-in-problem').textContent()).toContain('动态验证码错误');

    await page.getByTestId('totp-code').fill(await nextTotp(admin));
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('console-sider').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console');
    expect(await page.getByTestId('console-user').textContent()).toContain('测试管理员');
    // The console's own layout (no site footer) with the live system status.
    const readiness = page.getByTestId('status-readiness');
    await readiness.waitFor();
    expect(await readiness.getAttribute('data-status')).toBe('ready');
    expect(await page.getByTestId('site-footer').count()).toBe(0);
    expect(await page.getByTestId('console-nav-staff').count()).toBe(1);

    await page.getByTestId('console-sign-out').click();
    await page.getByTestId('staff-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(new URL(page.url()).search).toBe('');

    // Enrolled now: the second sign-in asks for a code only, with no QR code.
    await page.getByTestId('staff-username').fill(admin.username);
    await page.getByTestId('staff-password').fill(admin.password);
    await page.getByTestId('staff-password-submit').click();
    await page.getByTestId('totp-code').waitFor();
    expect(await page.getByTestId('totp-qr').count()).toBe(0);
    await page.getByTestId('totp-code').fill(await nextTotp(admin));
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('console-sider').waitFor();

    await page.getByTestId('console-nav-account').click();
    const account = page.getByTestId('console-account');
    await account.waitFor();
    expect(await account.textContent()).toContain('admin.e2e');
    expect(await account.textContent()).toContain('管理员');
    // The only console message is the refused wrong code's 401 answer.
    expect(problems.filter((problem) => !problem.includes('401'))).toEqual([]);
  });

  it('R-PLAT-3 an administrator creates a staff member with roles, who then sees only permitted pages', async () => {
    if (!admin.secret) throw new Error('needs the administrator enrolled by the previous test');
    const username = `cs.${buildPersonPi().phone.slice(-6)}`;
    const name = buildPersonPi().name;

    const adminPage = await open('/console/staff');
    await adminPage.page.getByTestId('staff-username').waitFor();
    await signInStaff(adminPage.page, admin);
    // Sent back to the page that asked for the sign-in.
    expect(new URL(adminPage.page.url()).pathname).toBe('/console/staff');
    const table = adminPage.page.getByTestId('staff-table');
    await table.getByText(admin.username).waitFor();

    await adminPage.page.getByTestId('staff-create').click();
    await adminPage.page.getByTestId('staff-create-username').fill(username);
    await adminPage.page.getByTestId('staff-create-name').fill(name);
    await adminPage.page.getByTestId('staff-create-roles').getByText('客服').click();
    await adminPage.page.getByTestId('staff-create-submit').click();
    const initialPassword = (await adminPage.page.getByTestId('staff-initial-password').textContent()) ?? '';
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    await adminPage.page.getByTestId('staff-created-close').click();
    const row = table.locator('tr', { hasText: username });
    await row.waitFor();
    expect(await row.textContent()).toContain('客服');
    expect(await row.textContent()).toContain('未绑定');

    // The same username again is refused next to the field.
    await adminPage.page.getByTestId('staff-create').click();
    await adminPage.page.getByTestId('staff-create-username').fill(username);
    await adminPage.page.getByTestId('staff-create-name').fill(name);
    await adminPage.page.getByTestId('staff-create-roles').getByText('审计').click();
    await adminPage.page.getByTestId('staff-create-submit').click();
    await adminPage.page.getByText('该用户名已被使用').waitFor();
    await adminPage.page.keyboard.press('Escape');

    // The new member signs in (enrolling an authenticator) and sees only what customer service may.
    const member: StaffLogin = { username, password: initialPassword };
    const memberPage = await open('/console');
    await memberPage.page.getByTestId('staff-username').waitFor();
    await signInStaff(memberPage.page, member);
    const sider = memberPage.page.getByTestId('console-sider');
    expect(await sider.getByTestId('console-nav-status').count()).toBe(1);
    expect(await sider.getByTestId('console-nav-account').count()).toBe(1);
    expect(await sider.getByTestId('console-nav-staff').count()).toBe(0);
    expect(await sider.textContent()).not.toContain('员工管理');
    await memberPage.page.goto(`${suite.server.url}/console/staff`, { waitUntil: 'networkidle' });
    await memberPage.page.getByTestId('console-forbidden').waitFor();
    expect(await statusOf(memberPage.page, '/api/console/staff')).toBe(403);
    await memberPage.page.getByTestId('console-nav-account').click();
    expect(await memberPage.page.getByTestId('console-account').textContent()).toContain('客服');

    // The administrator disables the account: its session ends at once.
    await adminPage.page.reload({ waitUntil: 'networkidle' });
    const memberRow = table.locator('tr', { hasText: username });
    expect(await memberRow.textContent()).toContain('已绑定');
    await memberRow.getByTestId('staff-disable').click();
    await adminPage.page.getByTestId('staff-disable-confirm').click();
    await expect.poll(() => memberRow.textContent()).toContain('已停用');
    await memberPage.page.reload({ waitUntil: 'networkidle' });
    await memberPage.page.getByTestId('staff-username').waitFor();
    expect(new URL(memberPage.page.url()).pathname).toBe('/console/sign-in');
  });

  it('R-PLAT-3 a customer session cannot reach any /console API', async () => {
    const { page } = await open('/sign-in');
    // This server runs the default demo SMS provider: the code is on the page.
    await enterDemoCode(page, buildPersonPi().phone);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('account-menu').waitFor();

    expect(await statusOf(page, '/api/console/staff')).toBe(401);
    // Nor change anything, even with a valid CSRF token.
    const created = await send(page, 'POST', '/api/console/staff', { username: 'intruder', displayName: 'x', roles: ['administrator'] });
    expect(created.status).toBe(401);
    const session = await fetchJson<{ staff: unknown }>(page, '/api/console/session');
    expect(session.staff).toBeNull();
    await page.goto(`${suite.server.url}/console`, { waitUntil: 'networkidle' });
    await page.getByTestId('staff-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await page.getByTestId('console-sider').count()).toBe(0);
  });
});
