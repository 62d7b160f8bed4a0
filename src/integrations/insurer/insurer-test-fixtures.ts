import { randomUUID } from 'node:crypto';
import { isAppError, type AppError } from '../../errors/app-error.ts';
import { startReferenceInsurer, type ReferenceInsurer, type ReferenceInsurerOptions } from '../../../simulators/reference-insurer/start-reference-insurer.ts';
import { todayInBeijing } from '../../shared/identity-documents.ts';
import { HttpInsurerAdapter } from './http-insurer-adapter.ts';
import type { InsurerApplication } from './insurer-application.ts';
import { isRetryableInsurerFailure } from './insurer-failure.ts';

/** For tests only: the reference insurer on a free port and an adapter that speaks to it. */
export const TEST_INSURER_SECRET = 'reference-insurer-test-secret-0123456789';

export async function startTestInsurer(
  options: Partial<ReferenceInsurerOptions> = {},
  adapterOptions: { secret?: string; now?: () => Date; timeoutMs?: number } = {},
): Promise<{ insurer: ReferenceInsurer; adapter: HttpInsurerAdapter }> {
  const insurer = await startReferenceInsurer({ port: 0, secret: TEST_INSURER_SECRET, ...options });
  const adapter = new HttpInsurerAdapter({
    baseUrl: insurer.url,
    insurerCode: 'reference',
    secret: adapterOptions.secret ?? TEST_INSURER_SECRET,
    timeoutMs: adapterOptions.timeoutMs ?? 5_000,
    ...(adapterOptions.now ? { now: adapterOptions.now } : {}),
  });
  return { insurer, adapter };
}

/** A Beijing date `days` from today (or from `from`). */
export function beijingDate(days: number, from: string = todayInBeijing()): string {
  const date = new Date(`${from}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A valid application for a 10-day trip starting in 10 days, with only the fields the product discloses. */
export function sampleApplication(overrides: Partial<InsurerApplication> = {}): InsurerApplication {
  return {
    platformReference: `pol_${randomUUID().replace(/-/g, '').slice(0, 26)}`,
    productCode: 'RI-TRAVEL-ASIA',
    planCode: 'STANDARD',
    coverStart: beijingDate(10),
    coverEnd: beijingDate(19),
    destinations: ['JP'],
    premiumFen: 12_345,
    policyholder: { name: '张三', idType: 'resident_id', idNumber: '11010519491231002X', phone: '+8613800138000' },
    insured: [{ person: { relationship: 'self', name: '张三', birthDate: '1949-12-31', sex: 'female' }, beneficiaries: { kind: 'statutory' } }],
    ...overrides,
  };
}

export function newIdempotencyKey(): string {
  return `iss_${randomUUID()}`;
}

/** What the platform's issuance job does: the same call with the same key until it is not a retryable failure. */
export async function retryUntilSettled<T>(call: () => Promise<T>, maxAttempts = 50): Promise<{ result: T; attempts: number }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { result: await call(), attempts: attempt };
    } catch (error) {
      if (!isRetryableInsurerFailure(error) || attempt >= maxAttempts) throw error;
    }
  }
}

/** The AppError a call fails with; anything else (success included) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}
