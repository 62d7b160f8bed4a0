import { and, eq, inArray, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { isRetryableInsurerFailure } from '../../integrations/insurer/insurer-failure.ts';
import { disclosures } from '../../privacy/disclosures/schema.ts';
import { orders } from '../orders/schema.ts';
import { refunds } from '../payments/schema.ts';
import { issuePolicy, type IssuanceDeps, type IssuanceOutcome } from './issue-policy.ts';
import { domesticApplication, guestCtx, paidOrder, useIssuanceWorld } from './issuance-test-fixtures.ts';
import { policies } from './schema.ts';

const ORDERS = 200;
// Orders are made through the real use cases (sale, application, sandbox payment); this many at once
// keeps a 2-core machine and PGlite's single connection busy without queueing everything behind one.
const MADE_AT_ONCE = 20;

const made = useIssuanceWorld({ failureRate: 0.3, latencyMs: 5 });

/** What the job system does with a run that throws a retryable failure: run it again. */
async function issueWithRetries(deps: IssuanceDeps, orderId: string): Promise<IssuanceOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await issuePolicy(deps, orderId);
    } catch (error) {
      if (!isRetryableInsurerFailure(error) || attempt >= 60) throw error;
    }
  }
}

describe('issuing 200 paid orders while the insurer fails 30 % of its calls', () => {
  it('R-POL-9 R-POL-8 200 concurrent paid orders, each job delivered twice at once: all end issued with 200 distinct policy numbers, none twice, one disclosure each, no refund', { timeout: 240_000 }, async () => {
    const guests = Array.from({ length: ORDERS }, () => guestCtx());
    const orderIds: string[] = [];
    for (let start = 0; start < ORDERS; start += MADE_AT_ONCE) {
      const batch = guests.slice(start, start + MADE_AT_ONCE);
      orderIds.push(...(await Promise.all(batch.map((ctx) => paidOrder(made.world, ctx, domesticApplication(buildPersonPi(), buildPersonPi()))))));
    }
    expect(new Set(orderIds).size).toBe(ORDERS);

    const deps: IssuanceDeps = { db: made.database.db, keyring: made.keyring, purchase: made.world.purchase };
    // Every order's job runs twice at the same time, as pg-boss may deliver it again after a worker stalled.
    const outcomes = await Promise.all(orderIds.flatMap((orderId) => [issueWithRetries(deps, orderId), issueWithRetries(deps, orderId)]));

    const issued = outcomes.filter((outcome) => outcome.outcome === 'issued');
    expect(issued).toHaveLength(ORDERS);
    expect(new Set(issued.map((outcome) => outcome.orderId))).toEqual(new Set(orderIds));
    expect(outcomes.filter((outcome) => outcome.outcome !== 'issued' && outcome.outcome !== 'skipped')).toEqual([]);

    expect(await made.database.db.$count(orders, and(inArray(orders.id, orderIds), eq(orders.status, 'issued')))).toBe(ORDERS);
    expect(await made.database.db.$count(orders, and(inArray(orders.id, orderIds), ne(orders.status, 'issued')))).toBe(0);
    const rows = await made.database.db.select({ orderId: policies.orderId, number: policies.insurerPolicyNumber }).from(policies).where(inArray(policies.orderId, orderIds));
    expect(rows).toHaveLength(ORDERS);
    expect(new Set(rows.map((row) => row.orderId)).size).toBe(ORDERS);
    expect(new Set(rows.map((row) => row.number)).size).toBe(ORDERS);

    const stats = made.world.insurer.stats();
    expect(stats.policiesIssued).toBe(ORDERS);
    // The faults did happen, and some applications reached the insurer again under their key.
    expect(stats.failed).toBeGreaterThan(0);
    expect(stats.failedAfterWork).toBeGreaterThan(0);
    expect(stats.duplicated).toBeGreaterThan(0);

    // One disclosure per order (each guest made one), however many times its application travelled.
    const guestIds = guests.map((ctx) => (ctx.actor as { id: string }).id);
    const ledger = await made.database.db.select({ subjectKey: disclosures.subjectKey }).from(disclosures).where(inArray(disclosures.subjectKey, guestIds));
    expect(ledger).toHaveLength(ORDERS);
    expect(new Set(ledger.map((entry) => entry.subjectKey)).size).toBe(ORDERS);
    expect(await made.database.db.$count(refunds, inArray(refunds.orderId, orderIds))).toBe(0);
  });
});
