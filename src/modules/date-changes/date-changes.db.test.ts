import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { beijingDate } from '../../../test/support/purchase-api.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { ephemeralKeyring, type Keyring } from '../../privacy/crypto/keyring.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { payments, refunds } from '../payments/schema.ts';
import { cancelOwnPolicy } from '../policies/cancel-own-policy.ts';
import { domesticApplication, guestCtx, paidOrder, startIssuanceWorld, type IssuanceWorld } from '../policies/issuance-test-fixtures.ts';
import { issuePolicy } from '../policies/issue-policy.ts';
import { previewOwnCancellation } from '../policies/preview-own-cancellation.ts';
import { policies, policyEndorsements } from '../policies/schema.ts';
import { completeDateChange } from './complete-date-change.ts';
import { COMPLETE_DATE_CHANGE_JOB, type DateChangeDeps } from './date-change-deps.ts';
import { dateChangeOptions } from './date-change-options.ts';
import { changeableOwnPolicy, pricingTermsOf } from './date-change-terms.ts';
import { confirmDateChangeReturn, getOwnDateChange } from './own-date-changes.ts';
import { priceDateChange } from './price-date-change.ts';
import { requestDateChange } from './request-date-change.ts';
import { dateChanges } from './schema.ts';
import { sweepDateChanges } from './sweep-date-changes.ts';

let database: TestDatabase;
let keyring: Keyring;
let world: IssuanceWorld;
const queued: Array<{ name: string; data: Record<string, unknown> }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  keyring = ephemeralKeyring();
  world = await startIssuanceWorld(database.db, keyring);
});

afterAll(async () => {
  await world?.close();
  await database?.close();
});

const deps = (): DateChangeDeps => ({
  db: database.db,
  keyring,
  purchase: world.purchase,
  enqueue: async (name, data) => {
    queued.push({ name, data });
    return 'job';
  },
});

/** A domestic trip starting in three days (three days long unless said), for two people, issued. */
async function issuedTrip(lastDay = 5) {
  const ctx = { ...guestCtx(), purpose: 'policy_service' as const };
  const orderId = await paidOrder(world, ctx, { ...domesticApplication(buildPersonPi(), buildPersonPi()), endDate: beijingDate(lastDay) });
  const issued = await issuePolicy({ db: database.db, keyring, purchase: world.purchase }, orderId);
  if (issued.outcome !== 'issued') throw new Error(`not issued: ${issued.outcome}`);
  const order = await getOwnOrder(ctx, database.db, orderId);
  return { ctx, orderId, policyId: issued.policyId, policyNumber: issued.policyNumber, premiumFen: order.premiumFen };
}

async function quoteFor(ctx: ReturnType<typeof guestCtx>, policyId: string, coverStart: string, coverEnd: string) {
  return priceDateChange(await pricingTermsOf(ctx, deps(), policyId), { coverStart, coverEnd }, 'zh-CN');
}

const refundsOf = (orderId: string) => database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
const policyOf = async (policyId: string) => (await database.db.select().from(policies).where(eq(policies.id, policyId)))[0];

describe('changing travel dates before cover starts (我的保险 → 更改出行日期)', () => {
  it('R-POL-10 a shorter trip is re-quoted, endorsed by the insurer at once and the difference refunded; a later cancellation gives back only what is left', async () => {
    const { ctx, orderId, policyId, policyNumber, premiumFen } = await issuedTrip(20);
    const options = await dateChangeOptions(ctx, deps(), policyId);
    expect(options).toMatchObject({ policyId, coverStart: beijingDate(3), coverEnd: beijingDate(20), days: 18, premiumFen, earliestStart: beijingDate(1), pending: null });

    const shorter = await quoteFor(ctx, policyId, beijingDate(4), beijingDate(4));
    expect(shorter.days).toBe(1);
    expect(shorter.differenceFen).toBeLessThan(0);
    expect(shorter.premiumFen - shorter.currentPremiumFen).toBe(shorter.differenceFen);

    const request = { policyId, coverStart: beijingDate(4), coverEnd: beijingDate(4), idempotencyKey: randomUUID(), language: 'zh-CN' as const };
    await expect(requestDateChange(ctx, deps(), { ...request, expectedDifferenceFen: shorter.differenceFen + 1 })).rejects.toMatchObject({ code: 'date_change_price_changed' });
    expect(await database.db.select().from(dateChanges).where(eq(dateChanges.policyId, policyId))).toHaveLength(0);

    const change = await requestDateChange(ctx, deps(), { ...request, expectedDifferenceFen: shorter.differenceFen });
    expect(change).toMatchObject({ status: 'endorsed', newCoverStart: beijingDate(4), newCoverEnd: beijingDate(4), differenceFen: shorter.differenceFen });
    // Sent again with the same key: the same change, nothing endorsed or refunded twice.
    expect((await requestDateChange(ctx, deps(), { ...request, expectedDifferenceFen: shorter.differenceFen })).id).toBe(change.id);

    expect(await policyOf(policyId)).toMatchObject({ coverStart: beijingDate(4), coverEnd: beijingDate(4), status: 'issued' });
    const endorsements = await database.db.select().from(policyEndorsements).where(eq(policyEndorsements.policyId, policyId));
    expect(endorsements).toMatchObject([{ kind: 'date_change', oldCoverStart: beijingDate(3), newCoverStart: beijingDate(4), premiumDifferenceFen: shorter.differenceFen }]);
    const atInsurer = await world.purchase.insurerFor('reference').getPolicy(policyNumber);
    expect(atInsurer).toMatchObject({ coverStart: beijingDate(4), coverEnd: beijingDate(4), premiumFen: shorter.premiumFen, endorsementNumbers: [endorsements[0]?.insurerEndorsementNumber] });
    expect(await refundsOf(orderId)).toMatchObject([{ amountFen: -shorter.differenceFen, reason: 'date_change', status: 'succeeded' }]);

    // Cancelling now refunds the premium as it stands, so everything given back adds up to what was paid.
    const preview = await previewOwnCancellation(ctx, { db: database.db, purchase: world.purchase }, policyId);
    expect(preview.premiumFen).toBe(shorter.premiumFen);
    await cancelOwnPolicy(ctx, { db: database.db, purchase: world.purchase }, { policyId, expectedRefundFen: preview.refundFen });
    const given = (await refundsOf(orderId)).reduce((sum, refund) => sum + refund.amountFen, 0);
    expect(given).toBe(premiumFen);
  });

  it('R-POL-10 a longer trip waits for the extra premium, is endorsed once it is paid, and a cancellation then refunds both payments', async () => {
    const { ctx, orderId, policyId, premiumFen } = await issuedTrip();
    const longer = await quoteFor(ctx, policyId, beijingDate(3), beijingDate(12));
    expect(longer.differenceFen).toBeGreaterThan(0);
    queued.length = 0;
    const change = await requestDateChange(ctx, deps(), { policyId, coverStart: beijingDate(3), coverEnd: beijingDate(12), expectedDifferenceFen: longer.differenceFen, idempotencyKey: randomUUID(), language: 'en' });
    expect(change.status).toBe('awaiting_payment');
    const shown = await getOwnDateChange(ctx, database.db, change.id);
    expect(shown.payUrl).toMatch(/^http/);
    // One open change per policy.
    await expect(requestDateChange(ctx, deps(), { policyId, coverStart: beijingDate(2), coverEnd: beijingDate(4), expectedDifferenceFen: 0, idempotencyKey: randomUUID(), language: 'en' })).rejects.toMatchObject({ code: 'date_change_in_progress' });
    expect((await dateChangeOptions(ctx, deps(), policyId)).pending).toMatchObject({ id: change.id, status: 'awaiting_payment', payUrl: shown.payUrl });
    // Nobody else sees it.
    await expect(getOwnDateChange({ ...guestCtx(), purpose: 'policy_service' }, database.db, change.id)).rejects.toMatchObject({ code: 'date_change_not_found' });

    const [topUp] = await database.db.select().from(payments).where(eq(payments.id, change.topUpPaymentId ?? ''));
    expect(topUp).toMatchObject({ orderId, purpose: 'date_change', merchantReference: change.id, amountFen: longer.differenceFen, status: 'pending' });
    const paid = await fetch(`${shown.payUrl}/pay`, { method: 'POST', redirect: 'manual' });
    expect([302, 303]).toContain(paid.status);
    const back = await confirmDateChangeReturn(ctx, { db: database.db, provider: world.purchase.payment, enqueue: deps().enqueue }, change.id);
    expect(back).toMatchObject({ status: 'paid', payUrl: null });
    expect(queued).toEqual([{ name: COMPLETE_DATE_CHANGE_JOB, data: { dateChangeId: change.id } }]);
    // The order itself stays as it was: issued, its premium payment untouched.
    expect((await getOwnOrder(ctx, database.db, orderId)).status).toBe('issued');

    expect((await completeDateChange(ctx, deps(), change.id)).status).toBe('endorsed');
    expect(await policyOf(policyId)).toMatchObject({ coverStart: beijingDate(3), coverEnd: beijingDate(12) });
    expect(await refundsOf(orderId)).toEqual([]);

    const preview = await previewOwnCancellation(ctx, { db: database.db, purchase: world.purchase }, policyId);
    expect(preview).toMatchObject({ premiumFen: premiumFen + longer.differenceFen, refundFen: premiumFen + longer.differenceFen });
    await cancelOwnPolicy(ctx, { db: database.db, purchase: world.purchase }, { policyId, expectedRefundFen: preview.refundFen });
    const given = await refundsOf(orderId);
    expect(given.map((refund) => [refund.paymentId, refund.amountFen]).sort()).toEqual(
      [
        [given.find((refund) => refund.paymentId !== topUp?.id)?.paymentId, premiumFen],
        [topUp?.id, longer.differenceFen],
      ].sort(),
    );
  });

  it('R-POL-10 an extra premium not paid in time lapses, its payment is closed, and the policy can be changed again', async () => {
    const { ctx, policyId } = await issuedTrip();
    const longer = await quoteFor(ctx, policyId, beijingDate(3), beijingDate(9));
    const change = await requestDateChange(ctx, deps(), { policyId, coverStart: beijingDate(3), coverEnd: beijingDate(9), expectedDifferenceFen: longer.differenceFen, idempotencyKey: randomUUID(), language: 'zh-CN' });
    const counts = await sweepDateChanges(ctx, { db: database.db, provider: world.purchase.payment, enqueue: null }, new Date(Date.now() + 31 * 60_000));
    expect(counts).toMatchObject({ expired: 1, failed: 0 });
    expect((await getOwnDateChange(ctx, database.db, change.id)).status).toBe('expired');
    const [topUp] = await database.db.select().from(payments).where(eq(payments.id, change.topUpPaymentId ?? ''));
    expect(topUp?.status).toBe('closed');
    expect((await dateChangeOptions(ctx, deps(), policyId)).pending).toBeNull();
    expect(await policyOf(policyId)).toMatchObject({ coverStart: beijingDate(3), coverEnd: beijingDate(5) });
  });

  it('R-POL-10 when the insurer refuses (it cancelled the policy meanwhile), the policy keeps its dates and the extra paid goes back in full', async () => {
    const { ctx, orderId, policyId, policyNumber } = await issuedTrip();
    const longer = await quoteFor(ctx, policyId, beijingDate(3), beijingDate(12));
    const change = await requestDateChange(ctx, deps(), { policyId, coverStart: beijingDate(3), coverEnd: beijingDate(12), expectedDifferenceFen: longer.differenceFen, idempotencyKey: randomUUID(), language: 'zh-CN' });
    const shown = await getOwnDateChange(ctx, database.db, change.id);
    await fetch(`${shown.payUrl}/pay`, { method: 'POST', redirect: 'manual' });
    await confirmDateChangeReturn(ctx, { db: database.db, provider: world.purchase.payment, enqueue: null }, change.id);
    // Meanwhile the insurer cancelled the policy on its side (customer service, say).
    await world.purchase.insurerFor('reference').cancelPolicy({ policyNumber, effectiveDate: beijingDate(1), idempotencyKey: randomUUID() });
    expect(await completeDateChange(ctx, deps(), change.id)).toMatchObject({ status: 'refused', refusal: 'policy_cancelled' });
    expect(await policyOf(policyId)).toMatchObject({ coverStart: beijingDate(3), coverEnd: beijingDate(5) });
    expect(await refundsOf(orderId)).toMatchObject([{ paymentId: change.topUpPaymentId, amountFen: longer.differenceFen, reason: 'date_change', status: 'succeeded' }]);
  });

  it('R-POL-10 bad dates are refused field by field in the person’s language, and only the owner of a policy not yet started may change it', async () => {
    const { ctx, policyId } = await issuedTrip();
    const terms = await pricingTermsOf(ctx, deps(), policyId);
    const problemsOf = (coverStart: string, coverEnd: string, language: 'zh-CN' | 'en' = 'zh-CN') => {
      try {
        priceDateChange(terms, { coverStart, coverEnd }, language);
      } catch (error) {
        return (error as { code: string; errors: Array<{ pointer: string; detail: string }> }).errors.map(({ pointer, detail }) => [pointer, detail]);
      }
      return [];
    };
    expect(problemsOf(beijingDate(3), beijingDate(5))).toEqual([['/body/coverEnd', '新的日期与现在的保障日期相同。']]);
    expect(problemsOf(beijingDate(0), beijingDate(2))).toEqual([['/body/coverStart', '保障最早从明天开始。']]);
    expect(problemsOf(beijingDate(5), beijingDate(4), 'en')).toEqual([['/body/coverEnd', 'The last day of cover cannot be before the first.']]);
    expect(problemsOf('2026-02-30', beijingDate(4))[0]?.[0]).toBe('/body/coverStart');
    expect(problemsOf(beijingDate(400), beijingDate(401), 'en')).toEqual([['/body/coverStart', 'The trip can be moved to start within 365 days from today at the latest.']]);

    await expect(changeableOwnPolicy({ ...guestCtx(), purpose: 'policy_service' }, deps(), policyId)).rejects.toMatchObject({ code: 'policy_not_found' });
    const onTheFirstDay = new Date(`${beijingDate(3)}T08:00:00+08:00`);
    await expect(changeableOwnPolicy(ctx, deps(), policyId, onTheFirstDay)).rejects.toMatchObject({ code: 'policy_dates_not_changeable' });
  });
});
