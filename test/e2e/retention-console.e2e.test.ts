import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPglite } from '../../src/db/open-pglite.ts';
import { newId } from '../../src/shared/ids.ts';
import type { WatchedPage } from '../support/browser.ts';
import { useBrowserSuite, type PageOptions, type StaffAccount } from '../support/browser-suite.ts';

const chromiumPath = inject('chromiumPath');
// Each change is followed by a fresh dry run of the schedule, which takes a moment on a busy machine.
const SLOW = { timeout: 15_000 };

const dpo: StaffAccount = { username: 'dpo.retention', name: '测试个人信息保护负责人', role: 'compliance_officer', password: '' };
const auditor: StaffAccount = { username: 'auditor.retention', name: '测试审计员', role: 'auditor', password: '' };
// An account closed 90 days ago: past the 30 days' grace, so due for anonymisation.
const closedCustomer = newId('cus');
const suite = useBrowserSuite({
  staff: [dpo, auditor],
  // Closing an account has no page yet: the closed account goes straight into the (migrated)
  // database, before the server opens it.
  async prepare(dataDir) {
    const database = await openPglite(dataDir);
    try {
      await database.query(`insert into customers (id, phone_enc, phone_bidx, status, closed_at) values ($1, 'f1.1.x.y', $2, 'closed', now() - interval '90 days')`, [
        closedCustomer,
        `e2e_${closedCustomer}`,
      ]);
    } finally {
      await database.close();
    }
  },
});

/** The retention page as this staff member, signing in the first time and reusing the session after. */
function openRetention(login: StaffAccount, options: PageOptions = {}): Promise<WatchedPage> {
  return suite.openAsStaff(login, '/console/retention', { ...options, ready: 'retention-title' });
}

/** The schedule's line for closed customer accounts: [due now, kept by holds]. */
async function customersLine(page: Page): Promise<[string | null, string | null]> {
  const row = page.getByTestId('schedule-table').locator('tr[data-row-key="customers:until_account_closed"]');
  return [await row.getByTestId('schedule-due').textContent(), await row.getByTestId('schedule-held').textContent()];
}

/** Runs the sweep from the page and waits for its progress to reach the end; returns the customers line of its result. */
async function runSweep(page: Page): Promise<{ removed: string | null; held: string | null }> {
  const progress = page.getByTestId('sweep-progress');
  const previousTask = (await progress.count()) > 0 ? await progress.getAttribute('data-task') : null;
  await page.getByTestId('sweep-run').click();
  const confirm = page.getByRole('dialog').filter({ hasText: '立即执行保存期限清理？' });
  await confirm.getByText('删除和匿名化无法撤销').waitFor();
  await page.getByTestId('sweep-confirm').click();
  // A sweep of its own: the progress shown is that of a new task, followed until it has finished.
  await expect.poll(async () => (await progress.count()) > 0 && (await progress.getAttribute('data-task')) !== previousTask, SLOW).toBe(true);
  await expect.poll(() => progress.getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
  const [done, total] = [await progress.getAttribute('data-done'), await progress.getAttribute('data-total')];
  expect(Number(total)).toBeGreaterThan(0);
  expect(done).toBe(total);
  expect(await progress.textContent()).toContain(`${total} / ${total}`);
  expect(await page.getByTestId('sweep-status').textContent()).toContain('清理完成');
  const row = page.getByTestId('sweep-result').locator('tr[data-row-key="customers:until_account_closed"]');
  return { removed: await row.getByTestId('sweep-removed').textContent(), held: await row.getByTestId('sweep-held').textContent() };
}

describe.skipIf(!chromiumPath)('retention and legal holds page of the console in Chromium', () => {
  it(
    'R-STO-1 R-STO-2 the PI-protection officer holds a closed account past its grace period, the sweep keeps it, and once released anonymises it',
    async () => {
      const { page, problems } = await openRetention(dpo);
      expect(await page.getByTestId('console-sider').getByTestId('console-nav-retention').count()).toBe(1);

      // The closed account is due, by the rule in words.
      const line = page.getByTestId('schedule-table').locator('tr[data-row-key="customers:until_account_closed"]');
      await line.waitFor();
      expect(await line.textContent()).toContain('账户注销后 30 天内删除或匿名化');
      expect(await line.locator('[data-action="anonymise"]').textContent()).toBe('匿名化');
      expect(await customersLine(page)).toEqual(['1', '0']);

      // A hold needs a well-formed customer id and a reason.
      await page.getByTestId('hold-place').click();
      const dialog = page.getByRole('dialog').filter({ hasText: '新建法律保全' });
      await page.getByTestId('hold-subject').fill('cus_123');
      await page.getByTestId('hold-kind').click();
      await page.locator('.ant-select-item-option[title="争议或投诉"]').click();
      await page.getByTestId('hold-reference').fill('TS-2026-11');
      await page.getByTestId('hold-place-submit').click();
      await dialog.getByText('请输入完整的客户编号').waitFor();
      await dialog.getByText('请写明原因，至少 5 个字').waitFor();
      await page.getByTestId('hold-subject').fill(closedCustomer);
      await page.getByTestId('hold-reason').fill('客户投诉尚未结案，需保留账户记录');
      await page.getByTestId('hold-place-submit').click();
      const holds = page.getByTestId('holds-table');
      const hold = holds.locator('tr.ant-table-row', { hasText: closedCustomer });
      await hold.waitFor();
      expect(await hold.getByTestId('hold-status').getAttribute('data-status')).toBe('in_force');
      for (const text of ['争议或投诉', 'TS-2026-11', '该客户的全部信息', '直至解除']) expect(await hold.textContent()).toContain(text);
      await expect.poll(() => customersLine(page), SLOW).toEqual(['0', '1']);

      // The sweep runs with progress to the end and keeps the held account.
      expect(await runSweep(page)).toEqual({ removed: '0', held: '1' });
      await expect.poll(() => customersLine(page), SLOW).toEqual(['0', '1']);

      // Released with a reason, the account is due again…
      await hold.getByTestId('hold-release').click();
      const release = page.getByRole('dialog').filter({ hasText: '解除法律保全' });
      await page.getByTestId('hold-release-submit').click();
      await release.getByText('请写明原因，至少 5 个字').waitFor();
      await page.getByTestId('hold-release-reason').fill('投诉已结案，结案通知 TS-2026-11');
      await page.getByTestId('hold-release-submit').click();
      await expect.poll(() => hold.count(), SLOW).toBe(0);
      await expect.poll(() => customersLine(page), SLOW).toEqual(['1', '0']);
      await page.getByTestId('holds-show-released').click();
      const released = holds.locator('tr.ant-table-row', { hasText: closedCustomer });
      await expect.poll(() => released.getByTestId('hold-status').getAttribute('data-status'), SLOW).toBe('released');
      expect(await released.getByTestId('hold-release').count()).toBe(0);

      // …and the next sweep anonymises it.
      expect(await runSweep(page)).toEqual({ removed: '1', held: '0' });
      await expect.poll(() => customersLine(page), SLOW).toEqual(['0', '0']);
      expect(problems).toEqual([]);
    },
    180_000,
  );

  it('R-STO-2 auditors see the schedule and holds but cannot place, release or sweep; the page fits 375 px', async () => {
    const { page, problems } = await openRetention(auditor, { width: 375, height: 740 });
    await page.getByTestId('schedule-table').locator('tr[data-row-key="customers:until_account_closed"]').waitFor();
    await page.getByTestId('holds-show-released').click();
    await page.getByTestId('holds-table').locator('tr.ant-table-row', { hasText: closedCustomer }).waitFor();
    for (const action of ['sweep-run', 'hold-place', 'hold-release']) expect(await page.getByTestId(action).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });

  it('R-STO-2 at 375 px the officer places a hold in a form that fits the screen', async () => {
    const { page, problems } = await openRetention(dpo, { width: 375, height: 740 });
    await page.getByTestId('hold-place').click();
    await page.getByTestId('hold-subject').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const box = await page.getByRole('dialog').boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 999) <= 375).toBe(true);
    expect(problems).toEqual([]);
  });
});
