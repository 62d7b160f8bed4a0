import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { refunds } from '../payments/schema.ts';
import { cancelOwnPolicy } from './cancel-own-policy.ts';
import { cancellableOwnPolicy } from './cancellation-terms.ts';
import { domesticApplication, guestCtx, paidOrder, useIssuanceWorld } from './issuance-test-fixtures.ts';
import { issuePolicy } from './issue-policy.ts';
import { previewOwnCancellation } from './preview-own-cancellation.ts';
import { policies } from './schema.ts';

const made = useIssuanceWorld();

async function issuedDomesticPolicy() {
  const ctx = { ...guestCtx(), purpose: 'policy_service' as const };
  const orderId = await paidOrder(made.world, ctx, domesticApplication(buildPersonPi(), buildPersonPi()));
  const issued = await issuePolicy({ db: made.database.db, keyring: made.keyring, purchase: made.world.purchase }, orderId);
  if (issued.outcome !== 'issued') throw new Error(`not issued: ${issued.outcome}`);
  return { ctx, orderId, policyId: issued.policyId };
}

const deps = () => ({ db: made.database.db, purchase: made.world.purchase });

describe('cancellation by the customer (我的保险 → 退保)', () => {
  it('R-POL-10 before a trip starts the refund is previewed, then the insurer cancels, the money goes back once and policy and order close', async () => {
    const { ctx, orderId, policyId } = await issuedDomesticPolicy();
    const order = await getOwnOrder(ctx, made.database.db, orderId);
    const preview = await previewOwnCancellation(ctx, deps(), policyId);
    expect(preview).toMatchObject({ policyId, premiumFen: order.premiumFen, refundFen: order.premiumFen });

    await expect(cancelOwnPolicy(ctx, deps(), { policyId, expectedRefundFen: preview.refundFen - 1 })).rejects.toMatchObject({ code: 'cancellation_refund_changed' });
    expect((await getOwnOrder(ctx, made.database.db, orderId)).status).toBe('issued');

    await expect(cancelOwnPolicy({ ...guestCtx(), purpose: 'policy_service' }, deps(), { policyId, expectedRefundFen: preview.refundFen })).rejects.toMatchObject({ code: 'policy_not_found' });

    expect(await cancelOwnPolicy(ctx, deps(), { policyId, expectedRefundFen: preview.refundFen })).toEqual({ refundFen: order.premiumFen });
    expect((await getOwnOrder(ctx, made.database.db, orderId)).status).toBe('cancelled');
    const [policy] = await made.database.db.select().from(policies).where(eq(policies.id, policyId));
    expect(policy).toMatchObject({ status: 'cancelled' });
    const given = await made.database.db.select().from(refunds).where(eq(refunds.orderId, orderId));
    expect(given).toMatchObject([{ amountFen: order.premiumFen, reason: 'cooling_off_cancellation', status: 'succeeded' }]);
    // Cancelled once: asking again is refused and gives nothing back twice.
    await expect(cancelOwnPolicy(ctx, deps(), { policyId, expectedRefundFen: preview.refundFen })).rejects.toMatchObject({ code: 'policy_not_cancellable' });
    expect(await made.database.db.select().from(refunds).where(eq(refunds.orderId, orderId))).toHaveLength(1);
  });

  it('R-POL-10 once a trip without a cooling-off period has started, the customer cannot cancel online', async () => {
    const { ctx, policyId } = await issuedDomesticPolicy();
    const [policy] = await made.database.db.select().from(policies).where(eq(policies.id, policyId));
    const duringTheTrip = new Date(`${policy?.coverStart}T12:00:00+08:00`);
    await expect(cancellableOwnPolicy(ctx, made.database.db, policyId, duringTheTrip)).rejects.toMatchObject({ code: 'policy_not_cancellable' });
  });
});
