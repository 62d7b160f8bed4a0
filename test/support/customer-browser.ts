import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { latestCodeFor } from '../../src/integrations/sms/outbox-sms-provider.ts';
import { buildPersonPi } from './factories/person.ts';

/** A mainland mobile number as typed (national) and as the server stores it (E.164). */
export interface Phone {
  national: string;
  e164: string;
}

/** A mainland mobile number nobody has used yet. */
export function freshPhone(): Phone {
  const national = buildPersonPi().phone;
  return { national, e164: `+86${national}` };
}

/** Types the number on /sign-in, asks for a code and waits for the notice that it was sent. */
export async function requestCode(page: Page, national: string): Promise<void> {
  await page.getByTestId('sign-in-phone').fill(national);
  await page.getByTestId('send-code').click();
  await page.getByTestId('code-sent-notice').waitFor();
}

/** Waits for a code to arrive in the SMS outbox for the number that differs from `previous` (when given). */
export async function outboxCode(outbox: string, e164: string, previous?: string): Promise<string> {
  let code: string | undefined;
  await expect.poll(async () => (code = await latestCodeFor(outbox, e164)), { timeout: 10_000 }).toMatch(/^\d{6}$/);
  if (previous !== undefined) await expect.poll(async () => (code = await latestCodeFor(outbox, e164)), { timeout: 10_000 }).not.toBe(previous);
  return code as string;
}

/**
 * On /sign-in (with the server's SMS going to `outbox`): asks for a code, reads it off the "phone" and
 * submits it. Where the page goes next is for the caller to wait for. Returns the code used.
 */
export async function submitOutboxCode(page: Page, outbox: string, phone: Phone, previous?: string): Promise<string> {
  await requestCode(page, phone.national);
  const code = await outboxCode(outbox, phone.e164, previous);
  await page.getByTestId('sign-in-code').fill(code);
  await page.getByTestId('sign-in-submit').click();
  return code;
}

/**
 * In demo mode (no SMS is sent): types the number into a form's phone field, asks for a code and
 * types the one the page shows. The fields are those of /sign-in unless others are named.
 */
export async function enterDemoCode(page: Page, national: string, fields = { phone: 'sign-in-phone', send: 'send-code', code: 'sign-in-code' }): Promise<string> {
  await page.getByTestId(fields.phone).fill(national);
  await page.getByTestId(fields.send).click();
  const code = (await page.getByTestId('demo-code').textContent()) ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await page.getByTestId(fields.code).fill(code);
  return code;
}
