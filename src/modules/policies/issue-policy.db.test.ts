import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { isAppError } from '../../errors/app-error.ts';
import { HttpInsurerAdapter } from '../../integrations/insurer/http-insurer-adapter.ts';
import { isRetryableInsurerFailure } from '../../integrations/insurer/insurer-failure.ts';
import type { InsurerApplication } from '../../integrations/insurer/insurer-application.ts';
import type { EmailMessage, EmailProvider } from '../../integrations/email/email-provider.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { consentPurposes } from '../../privacy/consent/consent-purposes.ts';
import { recordConsent } from '../../privacy/consent/record-consent.ts';
import { ephemeralKeyring, type Keyring } from '../../privacy/crypto/keyring.ts';
import { disclosures, recipients } from '../../privacy/disclosures/schema.ts';
import { legalHolds } from '../../privacy/retention/schema.ts';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';
import { newId } from '../../shared/ids.ts';
import { readParties } from '../orders/order-parties.ts';
import { orders } from '../orders/schema.ts';
import { refunds } from '../payments/schema.ts';
import { paymentOfOrder } from '../payments/payment-records.ts';
import { issuePolicy, type IssuanceDeps, type IssuanceOutcome } from './issue-policy.ts';
import { issuePolicyJob } from './issue-policy-job.ts';
import { domesticApplication, guestCtx, paidOrder, schengenApplication, startIssuanceWorld, type IssuanceWorld } from './issuance-test-fixtures.ts';
import { policyIdOf } from './issuance-order.ts';
import { reissuePaidOrders } from './reissue-paid-orders.ts';
import { ISSUE_POLICY_JOB } from './request-issuance.ts';
import { policiesSweepRules } from './retention.ts';
import { policies, policyEndorsements } from './schema.ts';

let database: TestDatabase;
let keyring: Keyring;
let world: IssuanceWorld;
// The reference insurer declines exactly the applications whose platform reference is listed here.
const declined = new Set<string>();

beforeAll(async () => {
  database = await createTestDatabase();
  keyring = ephemeralKeyring();
  world = await startIssuanceWorld(database.db, keyring, { declineRule: (application) => (declined.has(application.platformReference ?? '') ? 'underwriting_refused' : undefined) });
});

afterAll(async () => {
  await world?.close();
  await database?.close();
});

const deps = (): IssuanceDeps => ({ db: database.db, keyring, purchase: world.purchase });
const sentFor = (orderId: string): InsurerApplication[] => world.sentApplications.filter((application) => application.platformReference === policyIdOf(orderId));

/** What the job system does with a run that throws a retryable failure: run it again. */
async function issueWithRetries(issuanceDeps: IssuanceDeps, orderId: string): Promise<IssuanceOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await issuePolicy(issuanceDeps, orderId);
    } catch (error) {
      if (!isRetryableInsurerFailure(error) || attempt >= 60) throw error;
    }
  }
}

async function orderRow(orderId: string) {
  const [row] = await database.db.select().from(orders).where(eq(orders.id, orderId));
  return row;
}

describe('issuing the policy of a paid order', () => {
  it('R-POL-9 R-SHR-2 issues once: the policy stored, the order issued, the disclosure naming exactly the fields sent — and a field the product does not ask is never sent', async () => {
    const holder = buildPersonPi();
    const companion = buildPersonPi();
    const ctx = guestCtx();
    const orderId = await paidOrder(world, ctx, domesticApplication(holder, companion));
    const issuedBefore = world.insurer.stats().policiesIssued;

    const first = await issuePolicy(deps(), orderId);
    expect(first).toMatchObject({ outcome: 'issued', policyId: policyIdOf(orderId), policyNumber: expect.stringMatching(/^RI\d{14}$/) });
    expect(await issuePolicy(deps(), orderId)).toEqual({ outcome: 'skipped', orderId });
    expect(world.insurer.stats().policiesIssued - issuedBefore).toBe(1);

    const [policy] = await database.db.select().from(policies).where(eq(policies.orderId, orderId));
    const order = await orderRow(orderId);
    expect(policy).toMatchObject({ id: policyIdOf(orderId), status: 'issued', insurerPolicyNumber: first.outcome === 'issued' ? first.policyNumber : '', coverStart: order?.coverStart, coverEnd: order?.coverEnd });
    expect(policy?.retainUntil.getTime()).toBe(order?.retainUntil.getTime());
    expect(order).toMatchObject({ status: 'issued', issuedAt: policy?.issuedAt });

    // The product asks names and ID numbers of insured persons: the birth date the platform read from
    // the ID number for pricing is stored with the order, but it does not travel.
    const stored = await readParties(systemCtx('test', 'purchase'), { db: database.db, keyring }, orderId, ['birthDate']);
    expect(stored.filter((party) => party.role === 'insured').every((party) => party.values.birthDate)).toBe(true);
    const [sent] = sentFor(orderId);
    expect(sent?.policyholder).toEqual({ name: holder.name, idType: 'resident_id', idNumber: holder.idNumber, phone: `+86${holder.phone}` });
    expect(sent?.insured.map((insured) => insured.person)).toEqual([
      { name: holder.name, idType: 'resident_id', idNumber: holder.idNumber, relationship: 'self' },
      { name: companion.name, idType: 'resident_id', idNumber: companion.idNumber, relationship: 'spouse' },
    ]);
    expect(JSON.stringify(sentFor(orderId))).not.toMatch(/birthDate|email|passport|healthAnswers/);

    const ledger = await database.db.select().from(disclosures).where(eq(disclosures.subjectKey, ctx.actor.type === 'guest' ? ctx.actor.id : ''));
    expect(ledger).toHaveLength(1);
    const [recipient] = await database.db.select().from(recipients).where(eq(recipients.id, ledger[0]?.recipientId ?? ''));
    expect(recipient?.integration).toBe('insurer.chengchuan');
    expect(ledger[0]).toMatchObject({ purpose: 'purchase', basis: 'consent', consentMatter: 'purpose:share_with_insurer', actorType: 'system' });
    expect([...(ledger[0]?.fields ?? [])].sort()).toEqual(['cover', 'id_number', 'name', 'phone', 'relationship']);
    expect([...(ledger[0]?.categories ?? [])].sort()).toEqual(['contact.phone', 'identity.government_id', 'identity.name', 'insurance.policy']);
  });

  it('R-POL-9 sends a Schengen trip with the passport fields the product asks of each insured person', async () => {
    const holder = buildPersonPi();
    const companion = buildPersonPi();
    const ctx = guestCtx();
    const orderId = await paidOrder(world, ctx, schengenApplication(holder, companion));
    expect((await issuePolicy(deps(), orderId)).outcome).toBe('issued');
    const [sent] = sentFor(orderId);
    expect(sent?.policyholder).toEqual({ name: holder.name, idType: 'resident_id', idNumber: holder.idNumber, phone: `+86${holder.phone}`, email: holder.email });
    expect(sent?.insured[1]?.person).toEqual({ name: companion.name, namePinyin: 'LI SI', passportNumber: companion.passport, birthDate: companion.birthDate, sex: 'female', relationship: 'spouse' });
    // The buyer's ID number is asked of the policyholder, not of insured persons.
    expect(sent?.insured[0]?.person.idNumber).toBeUndefined();
    const [entry] = await database.db.select().from(disclosures).where(eq(disclosures.subjectKey, (ctx.actor as { id: string }).id));
    expect([...(entry?.fields ?? [])].sort()).toEqual(['birth_date', 'cover', 'email', 'id_number', 'name', 'name_pinyin', 'passport_number', 'phone', 'relationship', 'sex']);
  });

  it('R-POL-9 an unreachable insurer fails the run for a retry: the order stays paid and nothing is recorded as disclosed', async () => {
    const ctx = guestCtx();
    const orderId = await paidOrder(world, ctx, domesticApplication(buildPersonPi(), buildPersonPi()));
    const unreachable = { ...world.purchase, insurerFor: (code: string) => new HttpInsurerAdapter({ baseUrl: 'http://127.0.0.1:9', insurerCode: code, secret: 'x'.repeat(40), timeoutMs: 1_000 }) };
    const failure = await issuePolicy({ ...deps(), purchase: unreachable }, orderId).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isAppError(failure) && failure.code).toBe('insurer_unavailable');
    expect((await orderRow(orderId))?.status).toBe('paid');
    expect(await database.db.$count(policies, eq(policies.orderId, orderId))).toBe(0);
    expect(await database.db.$count(disclosures, eq(disclosures.subjectKey, (ctx.actor as { id: string }).id))).toBe(0);
    expect((await issuePolicy(deps(), orderId)).outcome).toBe('issued');
  });

  it('R-POL-9 R-POL-8 a decline refunds the premium at the payment provider and closes the order as refunded, once', async () => {
    const ctx = guestCtx();
    const orderId = await paidOrder(world, ctx, domesticApplication(buildPersonPi(), buildPersonPi()));
    declined.add(policyIdOf(orderId));
    expect(await issuePolicy(deps(), orderId)).toEqual({ outcome: 'refunded', reason: 'underwriting_refused', orderId });
    expect(await issuePolicy(deps(), orderId)).toEqual({ outcome: 'skipped', orderId });

    const order = await orderRow(orderId);
    expect(order?.status).toBe('refunded');
    expect(order?.closedAt).toBeInstanceOf(Date);
    expect(await database.db.$count(policies, eq(policies.orderId, orderId))).toBe(0);
    const given = await database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
    expect(given).toEqual([expect.objectContaining({ reason: 'issuance_declined', status: 'succeeded', amountFen: order?.premiumFen })]);
    const payment = await paymentOfOrder(database.db, orderId);
    expect((await world.purchase.payment.queryPayment(payment?.providerPaymentId ?? '')).refundedFen).toBe(order?.premiumFen);
    // The application did reach the insurer: that is a disclosure, whatever the insurer answered.
    expect(await database.db.$count(disclosures, eq(disclosures.subjectKey, (ctx.actor as { id: string }).id))).toBe(1);
  });

  // An application carrying ID numbers relies on both: sending to the insurer, and sensitive information.
  it.each(['share_with_insurer', 'sensitive_pi'] as const)('R-POL-9 R-RGT-4 the consent %s withdrawn after paying stops the application before it is sent, and the premium goes back', async (purpose) => {
    const ctx = guestCtx();
    const guestId = (ctx.actor as { id: string }).id;
    const orderId = await paidOrder(world, ctx, domesticApplication(buildPersonPi(), buildPersonPi()));
    await recordConsent(ctx, database.db, { subject: { type: 'visitor', id: guestId }, matter: { purpose }, version: 1, text: consentPurposes[purpose].zh, action: 'withdrawn', channel: 'web' });
    expect(await issuePolicy(deps(), orderId)).toEqual({ outcome: 'refunded', reason: `consent_withdrawn:${purpose}`, orderId });
    expect(sentFor(orderId)).toEqual([]);
    expect(await database.db.$count(disclosures, eq(disclosures.subjectKey, guestId))).toBe(0);
    expect((await orderRow(orderId))?.status).toBe('refunded');
  });

  it('R-POL-9 the job tells the policyholder by e-mail with the product and the policy number only', async () => {
    const holder = buildPersonPi();
    const companion = buildPersonPi();
    const orderId = await paidOrder(world, guestCtx(), schengenApplication(holder, companion));
    const sent: EmailMessage[] = [];
    const email: EmailProvider = { name: 'capture', send: async (message) => (sent.push(message), { provider: 'capture', providerMessageId: String(sent.length) }) };
    const logger = createLogger('silent');
    await issuePolicyJob.handler({ orderId }, { database, logger, keyring, purchase: world.purchase, outbound: { sms: null as never, email, publicUrl: 'https://besttrav.example' }, enqueue: async () => null });
    const [policy] = await database.db.select().from(policies).where(eq(policies.orderId, orderId));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(holder.email);
    expect(sent[0]?.text).toContain(policy?.insurerPolicyNumber);
    expect(sent[0]?.text).toContain('申根签证旅行保险');
    for (const value of [holder.name, companion.name, holder.idNumber, holder.passport, companion.passport, holder.phone]) expect(`${sent[0]?.subject}${sent[0]?.text}`).not.toContain(value);
    // Delivered again (a retried job), the order is no longer paid: no second policy, no second e-mail.
    await issuePolicyJob.handler({ orderId }, { database, logger, keyring, purchase: world.purchase, outbound: { sms: null as never, email, publicUrl: 'https://besttrav.example' }, enqueue: async () => null });
    expect(sent).toHaveLength(1);
  });

  it('R-POL-9 the reconciling job queues again the paid orders still without a policy after two minutes, at most once per slot', async () => {
    const stale = await paidOrder(world, guestCtx(), domesticApplication(buildPersonPi(), buildPersonPi()));
    const fresh = await paidOrder(world, guestCtx(), domesticApplication(buildPersonPi(), buildPersonPi()));
    await database.db.update(orders).set({ paidAt: new Date(Date.now() - 3 * 60_000) }).where(eq(orders.id, stale));
    const queued: Array<{ name: string; data: Record<string, unknown>; options: unknown }> = [];
    const count = await reissuePaidOrders(database.db, async (name, data, options) => (queued.push({ name, data, options }), 'job'));
    const mine = queued.filter((job) => job.data.orderId === stale || job.data.orderId === fresh);
    expect(mine).toEqual([{ name: ISSUE_POLICY_JOB, data: { orderId: stale }, options: { singletonKey: stale, singletonSeconds: 900 } }]);
    expect(count).toBe(queued.length);
    await issuePolicy(deps(), stale);
    await issuePolicy(deps(), fresh);
  });
});

describe('keeping policies as insurance records', () => {
  async function dueFor(rule: SweepRule): Promise<string[]> {
    const result = await database.db.execute(sql`select ${sql.identifier(rule.keyColumn)} as id from ${sql.identifier(rule.table)} where ${rule.expired}`);
    return (result as unknown as { rows: Array<{ id: string }> }).rows.map((row) => row.id);
  }
  const ruleOf = (table: string) => policiesSweepRules.find((rule) => rule.table === table) as SweepRule;
  const [endorsementRule, policyRule] = [ruleOf('policy_endorsements'), ruleOf('policies')];

  it('R-STO-1 R-STO-2 a policy goes with its order once both are past retention, never while a hold covers the order or the policy', async () => {
    const orderId = await paidOrder(world, guestCtx(), domesticApplication(buildPersonPi(), buildPersonPi()));
    await issuePolicy(deps(), orderId);
    const policyId = policyIdOf(orderId);
    const [policy] = await database.db.select().from(policies).where(eq(policies.id, policyId));
    await database.db.insert(policyEndorsements).values({ id: newId('end'), policyId, kind: 'date_change', oldCoverStart: policy?.coverStart ?? '', oldCoverEnd: policy?.coverEnd ?? '', newCoverStart: policy?.coverStart ?? '', newCoverEnd: policy?.coverEnd ?? '', premiumDifferenceFen: 0, insurerEndorsementNumber: `${policy?.insurerPolicyNumber}E01` });
    expect(await dueFor(policyRule)).not.toContain(policyId);

    const past = new Date(Date.now() - 86_400_000);
    await database.db.update(policies).set({ retainUntil: past }).where(eq(policies.id, policyId));
    expect(await dueFor(policyRule)).not.toContain(policyId);
    await database.db.update(orders).set({ retainUntil: past }).where(eq(orders.id, orderId));
    expect(await dueFor(policyRule)).toContain(policyId);
    expect((await dueFor(endorsementRule)).length).toBeGreaterThan(0);

    for (const held of [{ recordTable: 'orders', recordId: orderId }, { recordTable: 'policies', recordId: policyId }]) {
      const holdId = newId('hld');
      await database.db.insert(legalHolds).values({ id: holdId, subjectId: 'gst_x', ...held, kind: 'dispute', reference: '仲裁-2026-001', placedBy: 'stf_test' });
      expect(await dueFor(policyRule)).not.toContain(policyId);
      await database.db.update(legalHolds).set({ releasedAt: new Date(), releasedBy: 'stf_test' }).where(eq(legalHolds.id, holdId));
    }
    expect(await dueFor(policyRule)).toContain(policyId);
  });
});

describe('issuing under insurer failures', () => {
  // A database of its own: a second reference insurer numbers its policies from 1 again.
  let flakyDatabase: TestDatabase;
  let flaky: IssuanceWorld;
  beforeAll(async () => {
    flakyDatabase = await createTestDatabase();
    flaky = await startIssuanceWorld(flakyDatabase.db, keyring, { failureRate: 0.3, latencyMs: 5 });
  });
  afterAll(async () => {
    await flaky?.close();
    await flakyDatabase?.close();
  });

  it('R-POL-9 50 paid orders issued concurrently at 30 % failures, each delivered twice: every one issued, none twice', { timeout: 240_000 }, async () => {
    const guests = Array.from({ length: 50 }, () => guestCtx());
    const orderIds: string[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      orderIds.push(...(await Promise.all(guests.slice(batch * 5, batch * 5 + 5).map((ctx) => paidOrder(flaky, ctx, domesticApplication(buildPersonPi(), buildPersonPi()))))));
    }
    const issuanceDeps: IssuanceDeps = { db: flakyDatabase.db, keyring, purchase: flaky.purchase };
    // Two deliveries of each job at once, as pg-boss may do after a worker stalled.
    const outcomes = await Promise.all(orderIds.flatMap((orderId) => [issueWithRetries(issuanceDeps, orderId), issueWithRetries(issuanceDeps, orderId)]));

    expect(outcomes.filter((outcome) => outcome.outcome === 'issued')).toHaveLength(50);
    const rows = await flakyDatabase.db.select().from(policies).where(inArray(policies.orderId, orderIds));
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((row) => row.insurerPolicyNumber)).size).toBe(50);
    expect(await flakyDatabase.db.$count(orders, and(inArray(orders.id, orderIds), eq(orders.status, 'issued')))).toBe(50);
    const stats = flaky.insurer.stats();
    expect(stats.policiesIssued).toBe(50);
    expect(stats.failed).toBeGreaterThan(0);
    expect(stats.duplicated).toBeGreaterThan(0);
    // One disclosure per order, however many times its application travelled.
    expect(await flakyDatabase.db.$count(disclosures, inArray(disclosures.subjectKey, guests.map((ctx) => (ctx.actor as { id: string }).id)))).toBe(50);
  });
});
