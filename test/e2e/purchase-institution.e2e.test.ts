import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSuite } from '../support/browser-suite.ts';
import { buildPersonPi } from '../support/factories/person.ts';
import { beijingDate } from '../support/purchase-api.ts';
import { box, choose, fieldId, giveConsentsAndConfirm, readAndTick, readTheTerms } from '../support/purchase-wizard.ts';

const chromiumPath = inject('chromiumPath');
const suite = useBrowserSuite();

// A slow, shared machine: give answers time to arrive; issuing a policy goes through the reference insurer.
const PATIENCE = { timeout: 30_000 };
const ISSUING = { timeout: 90_000 };

const COMPANY = '杭州示例科技有限公司';
const CREDIT_CODE = '91330100799655058B';

describe.skipIf(!chromiumPath)('an institution as policyholder, in Chromium', () => {
  it('R-POL-4 R-POL-5 a company buys domestic travel cover for two employees: a wrong 统一社会信用代码 is shown under its box, the order is issued and the e-policy names the company', async () => {
    const { page, problems } = await suite.open('/buy/domestic-travel');
    const first = buildPersonPi();
    const second = buildPersonPi();

    // 方案与行程: five days from a week ahead, two adults.
    await page.getByTestId('purchase-step-trip').waitFor(PATIENCE);
    await choose(page, 'field-destinations', '中国大陆', { search: true });
    await box(page, '/startDate').fill(beijingDate(7));
    await box(page, '/endDate').fill(beijingDate(11));
    await page.getByTestId('trip-age-0').fill('30');
    await page.getByTestId('trip-add-age').click();
    await page.getByTestId('trip-age-1').fill('45');
    await expect.poll(() => page.getByTestId('trip-quote-total').getAttribute('data-fen'), PATIENCE).not.toBeNull();
    await page.getByTestId('purchase-next').click();
    await readTheTerms(page);

    // 填写信息: the company and its contact; the insured are its employees. No personal ID of a policyholder is asked.
    await page.getByTestId('purchase-step-applicant').waitFor();
    await page.getByTestId('holder-kind').getByText('机构（单位）').click();
    await box(page, '/policyholder/institution/name').fill(COMPANY);
    // One character off: the check character no longer matches.
    await box(page, '/policyholder/institution/creditCode').fill(`${CREDIT_CODE.slice(0, 17)}C`);
    await box(page, '/policyholder/institution/contactName').fill(first.name);
    await box(page, '/policyholder/institution/contactPhone').fill(first.phone);
    expect(await page.getByTestId(fieldId('/policyholder/person/idDocument/number')).count()).toBe(0);
    for (const [index, person] of [first, second].entries()) {
      await choose(page, `field-insured-${index}-relationship`, '雇员');
      await box(page, `/insured/${index}/person/name`).fill(person.name);
      await box(page, `/insured/${index}/person/idDocument/number`).fill(person.idNumber);
    }
    await page.getByTestId('purchase-next').click();
    const creditProblem = page.getByTestId(fieldId('/policyholder/institution/creditCode')).getByTestId('field-problem');
    await expect.poll(() => creditProblem.textContent(), PATIENCE).toContain('统一社会信用代码');
    // Nothing typed is lost; the corrected code lets the buyer on.
    expect(await box(page, '/policyholder/institution/name').inputValue()).toBe(COMPANY);
    expect(await box(page, '/insured/1/person/name').inputValue()).toBe(second.name);
    await box(page, '/policyholder/institution/creditCode').fill(CREDIT_CODE);
    await expect.poll(() => creditProblem.count(), PATIENCE).toBe(0);
    await page.getByTestId('purchase-next').click();

    // 确认投保: insuring others, so the company attests the employees' authorisation.
    await page.getByTestId('purchase-step-confirm').waitFor(PATIENCE);
    await readAndTick(page, 'authorisation');
    await giveConsentsAndConfirm(page);
    await page.getByTestId('purchase-submit').click();

    await page.getByTestId('order-page').waitFor(PATIENCE);
    const orderId = (await page.getByTestId('order-page').getAttribute('data-order')) as string;
    await page.getByTestId('order-pay').click();
    await page.getByTestId('sandbox-pay').click();
    await page.waitForURL(`**/orders/${orderId}/paid`, PATIENCE);
    await page.getByTestId('paid-issued').waitFor(ISSUING);
    const policyNumber = ((await page.getByTestId('policy-number').textContent()) ?? '').trim();

    const [download] = await Promise.all([page.waitForEvent('download', PATIENCE), page.getByTestId('download-e-policy').click()]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', await download.path(), '-'], { encoding: 'utf8' });
    expect(text).toContain(policyNumber);
    // An institution's name and credit code are not personal information: printed in full.
    expect(text).toContain(COMPANY);
    expect(text).toContain(CREDIT_CODE);
    expect(text).toContain(first.name);
    expect(text).toContain(second.name);
    // The employees' ID numbers only masked.
    expect(text).not.toContain(first.idNumber);
    expect(text).not.toContain(second.idNumber);
    expect(problems).toEqual([]);
  }, 300_000);
});
