import { afterEach, describe, expect, it } from 'vitest';
import { declineOnHealthAnswers } from '../../../simulators/reference-insurer/issue-policy.ts';
import type { ReferenceInsurer } from '../../../simulators/reference-insurer/start-reference-insurer.ts';
import { signRequest } from './insurer-signature.ts';
import type { InsurerApplication } from './insurer-application.ts';
import { TEST_INSURER_SECRET, beijingDate, failureOf, newIdempotencyKey, sampleApplication, startTestInsurer } from './insurer-test-fixtures.ts';

const running: ReferenceInsurer[] = [];

async function started(...args: Parameters<typeof startTestInsurer>): ReturnType<typeof startTestInsurer> {
  const started = await startTestInsurer(...args);
  running.push(started.insurer);
  return started;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((insurer) => insurer.close()));
});

async function issued(adapter: Awaited<ReturnType<typeof startTestInsurer>>['adapter'], application: InsurerApplication = sampleApplication()) {
  const result = await adapter.submitApplication(application, { idempotencyKey: newIdempotencyKey() });
  if (result.status !== 'issued') throw new Error(`expected an issued policy, got ${result.reason}`);
  return result;
}

describe('reference insurer through the HTTP insurer adapter (R-POL-9)', () => {
  it('R-POL-9 issues a policy with the insurer’s own schedule PDF naming the policy number', async () => {
    const { adapter, insurer } = await started();
    const application = sampleApplication();
    const result = await issued(adapter, application);

    expect(result.policyNumber).toMatch(new RegExp(`^RI${beijingDate(0).slice(0, 4)}\\d{10}$`));
    expect(Math.abs(result.issuedAt.getTime() - Date.now())).toBeLessThan(60_000);
    const pdf = result.documentPdf?.toString('latin1') ?? '';
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf).toContain(result.policyNumber);
    // The schedule names the contract, not the people: nothing disclosed about them is printed.
    expect(pdf).not.toContain('11010519491231002X');
    expect(pdf).not.toContain('13800138000');

    expect(await adapter.getPolicy(result.policyNumber)).toEqual({
      policyNumber: result.policyNumber,
      status: 'in_force',
      productCode: application.productCode,
      planCode: application.planCode,
      coverStart: application.coverStart,
      coverEnd: application.coverEnd,
      premiumFen: application.premiumFen,
      issuedAt: result.issuedAt,
      cancelledAt: null,
      refundFen: null,
      endorsementNumbers: [],
    });
    expect(insurer.stats()).toMatchObject({ policiesIssued: 1, duplicated: 0, failed: 0 });
  });

  it('R-POL-9 answers a re-submission with the same idempotency key with the first policy, issuing nothing', async () => {
    const { adapter, insurer } = await started();
    const application = sampleApplication();
    const idempotencyKey = newIdempotencyKey();
    const first = await adapter.submitApplication(application, { idempotencyKey });
    const again = await adapter.submitApplication(application, { idempotencyKey });

    expect(again).toEqual(first);
    expect(insurer.stats()).toMatchObject({ policiesIssued: 1, duplicated: 1, answered: 2 });
    // A new key is a new application.
    const other = await issued(adapter, application);
    expect(other.policyNumber).not.toBe(first.status === 'issued' ? first.policyNumber : '');
    expect(insurer.stats().policiesIssued).toBe(2);
  });

  it('R-POL-9 refuses a key reused for a different application instead of answering with the first policy', async () => {
    const { adapter, insurer } = await started();
    const idempotencyKey = newIdempotencyKey();
    await adapter.submitApplication(sampleApplication(), { idempotencyKey });
    const error = await failureOf(adapter.submitApplication(sampleApplication({ premiumFen: 999 }), { idempotencyKey }));

    expect(error.code).toBe('insurer_refused');
    expect(error.details).toMatchObject({ insurer: 'reference', operation: 'submit_application', reason: 'idempotency_key_reused', insurerStatus: 422 });
    expect(insurer.stats().policiesIssued).toBe(1);
  });

  const invalidApplications: Array<[string, Partial<InsurerApplication>, string]> = [
    ['cover dates out of order', { coverStart: beijingDate(20), coverEnd: beijingDate(19) }, 'cover_dates_out_of_order'],
    ['cover starting yesterday', { coverStart: beijingDate(-1) }, 'cover_start_in_past'],
    ['a date that does not exist', { coverEnd: '2031-02-30' }, 'cover_dates_invalid'],
    ['no premium', { premiumFen: 0 }, 'premium_not_positive'],
    ['a premium in fractions of a fen', { premiumFen: 100.5 }, 'premium_not_positive'],
    ['nobody insured', { insured: [] }, 'no_insured'],
    [
      'named beneficiary shares adding up to 90',
      {
        insured: [
          {
            person: { relationship: 'self' },
            beneficiaries: { kind: 'named', named: [{ person: { name: '李四', relationship: 'spouse' }, sharePercent: 60 }, { person: { name: '王五', relationship: 'child' }, sharePercent: 30 }] },
          },
        ],
      },
      'beneficiary_shares_not_100',
    ],
    [
      'a share that is not a whole per cent',
      { insured: [{ person: {}, beneficiaries: { kind: 'named', named: [{ person: {}, sharePercent: 50.5 }, { person: {}, sharePercent: 49.5 }] } }] },
      'beneficiary_share_invalid',
    ],
  ];

  it.each(invalidApplications)('R-POL-9 refuses an application with %s (422, reason kept as a code)', async (_case, change, reason) => {
    const { adapter, insurer } = await started();
    const error = await failureOf(adapter.submitApplication(sampleApplication(change), { idempotencyKey: newIdempotencyKey() }));

    expect(error.code).toBe('insurer_refused');
    expect(error.status).toBe(422);
    expect(error.details).toMatchObject({ reason, insurerStatus: 422 });
    expect(JSON.stringify(error.details) + error.message).not.toMatch(/李四|张三|13800138000/);
    expect(insurer.stats().policiesIssued).toBe(0);
  });

  it('R-POL-9 issues with named beneficiaries whose shares add up to 100', async () => {
    const { adapter } = await started();
    const named = [
      { person: { name: '李四', relationship: 'spouse' as const }, sharePercent: 70 },
      { person: { name: '王五', relationship: 'child' as const }, sharePercent: 30 },
    ];
    await issued(adapter, sampleApplication({ insured: [{ person: { relationship: 'self' }, beneficiaries: { kind: 'named', named } }] }));
  });

  it('R-POL-9 returns a decline as a final answer, and the same decline for the same key', async () => {
    const { adapter, insurer } = await started({ declineRule: declineOnHealthAnswers });
    const application = sampleApplication({
      insured: [{ person: { relationship: 'self', healthAnswers: [{ question: 'q1', answer: false }, { question: 'q2', answer: true }] }, beneficiaries: { kind: 'statutory' } }],
    });
    const idempotencyKey = newIdempotencyKey();

    expect(await adapter.submitApplication(application, { idempotencyKey })).toEqual({ status: 'declined', reason: 'health_declaration' });
    expect(await adapter.submitApplication(application, { idempotencyKey })).toEqual({ status: 'declined', reason: 'health_declaration' });
    expect(insurer.stats().policiesIssued).toBe(0);
    // All "no": covered.
    await issued(adapter, sampleApplication({ insured: [{ person: { healthAnswers: [{ question: 'q1', answer: false }] }, beneficiaries: { kind: 'statutory' } }] }));
  });

  it('R-POL-10 refunds the whole premium before cover starts: the preview matches the cancellation, which happens once', async () => {
    const { adapter } = await started();
    const policy = await issued(adapter);
    const request = { policyNumber: policy.policyNumber, effectiveDate: beijingDate(0) };

    expect(await adapter.previewCancellation(request)).toEqual({ refundFen: 12_345 });
    expect((await adapter.getPolicy(policy.policyNumber))?.status).toBe('in_force');

    const idempotencyKey = newIdempotencyKey();
    const cancelled = await adapter.cancelPolicy({ ...request, idempotencyKey });
    expect(cancelled.refundFen).toBe(12_345);
    expect(await adapter.cancelPolicy({ ...request, idempotencyKey })).toEqual(cancelled);
    expect(await adapter.getPolicy(policy.policyNumber)).toMatchObject({ status: 'cancelled', refundFen: 12_345, cancelledAt: cancelled.cancelledAt });

    const again = await failureOf(adapter.cancelPolicy({ ...request, idempotencyKey: newIdempotencyKey() }));
    expect(again.code).toBe('insurer_refused');
    expect(again.details.reason).toBe('policy_cancelled');
    expect((await failureOf(adapter.previewCancellation(request))).details.reason).toBe('policy_cancelled');
  });

  it('R-POL-10 refunds the unused days pro rata once cover has started, rounded down to the fen', async () => {
    let now = new Date();
    const clock = () => now;
    const { adapter } = await started({ now: clock }, { now: clock });
    const coverStart = beijingDate(1);
    const policy = await issued(adapter, sampleApplication({ coverStart, coverEnd: beijingDate(9, coverStart), premiumFen: 10_001 }));
    // Four days into a 10-day cover: days 5 to 10 (six of ten) are unused from the effective date on.
    now = new Date(now.getTime() + 5 * 86_400_000);
    const request = { policyNumber: policy.policyNumber, effectiveDate: beijingDate(4, coverStart) };

    const preview = await adapter.previewCancellation(request);
    expect(preview).toEqual({ refundFen: Math.floor((10_001 * 6) / 10) });
    expect(preview.refundFen).toBe(6000);
    expect((await adapter.cancelPolicy({ ...request, idempotencyKey: newIdempotencyKey() })).refundFen).toBe(preview.refundFen);
  });

  it('R-POL-10 refuses to backdate a cancellation or date it after the cover ends', async () => {
    const { adapter } = await started();
    const policy = await issued(adapter);
    const preview = (effectiveDate: string) => failureOf(adapter.previewCancellation({ policyNumber: policy.policyNumber, effectiveDate }));
    expect((await preview(beijingDate(-1))).details.reason).toBe('effective_date_in_past');
    expect((await preview(beijingDate(20))).details.reason).toBe('effective_date_after_cover');
    expect((await preview('tomorrow')).details.reason).toBe('effective_date_invalid');
  });

  it('R-POL-10 changes the travel dates before cover starts, with the premium difference, once per key', async () => {
    let now = new Date();
    const clock = () => now;
    const { adapter } = await started({ now: clock }, { now: clock });
    const policy = await issued(adapter);
    const request = { policyNumber: policy.policyNumber, newStartDate: beijingDate(12), newEndDate: beijingDate(15), premiumDifferenceFen: -4_000, idempotencyKey: newIdempotencyKey() };

    const endorsed = await adapter.endorseDates(request);
    expect(endorsed.endorsementNumber).toBe(`${policy.policyNumber}E01`);
    expect(await adapter.endorseDates(request)).toEqual(endorsed);
    expect(await adapter.getPolicy(policy.policyNumber)).toMatchObject({ coverStart: beijingDate(12), coverEnd: beijingDate(15), premiumFen: 8_345, endorsementNumbers: [endorsed.endorsementNumber] });
    // Cancelling now refunds the new premium.
    expect(await adapter.previewCancellation({ policyNumber: policy.policyNumber, effectiveDate: beijingDate(0) })).toEqual({ refundFen: 8_345 });

    const refused = async (change: Partial<typeof request>) => (await failureOf(adapter.endorseDates({ ...request, idempotencyKey: newIdempotencyKey(), ...change }))).details.reason;
    expect(await refused({ newStartDate: beijingDate(16) })).toBe('cover_dates_out_of_order');
    expect(await refused({ premiumDifferenceFen: -8_345 })).toBe('premium_not_positive');
    expect(await refused({ newStartDate: beijingDate(-1) })).toBe('cover_start_in_past');

    // On the first day of cover it is too late.
    now = new Date(now.getTime() + 12 * 86_400_000);
    expect(await refused({ newStartDate: beijingDate(20), newEndDate: beijingDate(22) })).toBe('cover_started');
  });

  it('R-POL-9 says an unknown policy is unknown', async () => {
    const { adapter } = await started();
    expect(await adapter.getPolicy('RI20260000009999')).toBeNull();
    const error = await failureOf(adapter.cancelPolicy({ policyNumber: 'RI20260000009999', effectiveDate: beijingDate(0), idempotencyKey: newIdempotencyKey() }));
    expect(error.code).toBe('insurer_policy_not_found');
  });

  it('R-POL-9 refuses requests signed with another secret or a clock ten minutes off, and does nothing for them', async () => {
    const wrongSecret = await started({}, { secret: 'not-the-shared-secret-0123456789abcdef' });
    const error = await failureOf(wrongSecret.adapter.submitApplication(sampleApplication(), { idempotencyKey: newIdempotencyKey() }));
    expect(error.code).toBe('insurer_auth_failed');
    expect(error.details).toMatchObject({ reason: 'signature_mismatch', insurerStatus: 401 });
    expect(wrongSecret.insurer.stats().policiesIssued).toBe(0);

    const skewed = await started({}, { now: () => new Date(Date.now() - 600_000) });
    const stale = await failureOf(skewed.adapter.submitApplication(sampleApplication(), { idempotencyKey: newIdempotencyKey() }));
    expect(stale.details).toMatchObject({ reason: 'signature_stale' });
    expect(skewed.insurer.stats().policiesIssued).toBe(0);
  });

  it('R-POL-9 refuses a change without an idempotency key and a body that is not the one signed', async () => {
    const { insurer } = await started();
    const body = JSON.stringify(sampleApplication());
    const timestamp = Math.floor(Date.now() / 1000);
    const post = (headers: Record<string, string>, sent = body) => fetch(`${insurer.url}/v1/policies`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-signature-timestamp': String(timestamp), ...headers }, body: sent });

    const withoutKey = await post({ 'x-signature': signRequest(TEST_INSURER_SECRET, { method: 'POST', path: '/v1/policies', idempotencyKey: undefined, timestamp, body }) });
    expect(withoutKey.status).toBe(400);
    expect(await withoutKey.json()).toMatchObject({ reason: 'idempotency_key_required' });

    const key = newIdempotencyKey();
    const signature = signRequest(TEST_INSURER_SECRET, { method: 'POST', path: '/v1/policies', idempotencyKey: key, timestamp, body });
    const tampered = await post({ 'x-signature': signature, 'idempotency-key': key }, body.replace('12345', '1'));
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ reason: 'signature_mismatch' });
    expect(insurer.stats()).toEqual({ policiesIssued: 0, requests: 2, answered: 2, failed: 0, failedAfterWork: 0, duplicated: 0 });
  });
});
