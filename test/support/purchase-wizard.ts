import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// A slow, shared machine: give the server's answers time to arrive.
const PATIENCE = { timeout: 30_000 };

/** Picks an option of the antd Select inside the element with `testId`; dropdowns that open late are tried again. */
export async function choose(page: Page, testId: string, label: string, options: { search?: boolean } = {}): Promise<void> {
  const select = page.getByTestId(testId).locator('.ant-select').first();
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    if (options.search) await select.locator('input').fill(label);
    try {
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click({ timeout: 5_000 });
      await expect.poll(() => select.textContent(), { timeout: 3_000 }).toContain(label);
      await page.keyboard.press('Escape');
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`could not choose ${label} in ${testId}`);
}

/** The test id of the purchase form's field at a JSON pointer of the application. */
export const fieldId = (pointer: string) => `field${pointer.replaceAll('/', '-')}`;

/** The input of the purchase form's box at a JSON pointer of the application. */
export const box = (page: Page, pointer: string) => page.getByTestId(fieldId(pointer)).locator('input').first();

/** Opens a document of the sale from the server and ticks its statement, which is not possible before opening it. */
export async function readAndTick(page: Page, kind: string): Promise<void> {
  const step = page.getByTestId(`step-${kind}`);
  expect(await step.locator('input[type="checkbox"]').isDisabled()).toBe(true);
  await page.getByTestId(`step-${kind}-open`).click();
  await page.getByTestId(`step-${kind}-body`).waitFor();
  await expect.poll(() => step.locator('input[type="checkbox"]').isDisabled(), PATIENCE).toBe(false);
  expect(await step.locator('input[type="checkbox"]').isChecked()).toBe(false);
  await page.getByTestId(`step-${kind}-confirm`).click();
  await expect.poll(() => step.getAttribute('data-confirmed'), PATIENCE).toBe('true');
}

/** 阅读条款: 投保须知, 条款 and 责任免除 each opened and ticked, then on to the next step. */
export async function readTheTerms(page: Page): Promise<void> {
  await page.getByTestId('purchase-step-reading').waitFor();
  for (const kind of ['purchase_notice', 'terms', 'exclusions']) await readAndTick(page, kind);
  expect(await page.getByTestId('step-exclusions-body').textContent()).toContain('保险人不承担给付保险金的责任');
  await page.getByTestId('purchase-next').click();
}

/** 确认投保: both consents ticked apart (they start unticked), the final statement read and ticked. */
export async function giveConsentsAndConfirm(page: Page): Promise<void> {
  for (const purpose of ['sensitive_pi', 'share_with_insurer']) {
    const consent = page.getByTestId(`consent-${purpose}`);
    expect(await consent.locator('input').isChecked()).toBe(false);
    await consent.locator('.ant-checkbox-wrapper').click();
    await expect.poll(() => consent.locator('input').isChecked()).toBe(true);
  }
  await readAndTick(page, 'confirmation');
}
