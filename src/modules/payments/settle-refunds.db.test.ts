import { eq } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { AppError } from '../../errors/app-error.ts';
import type { PaymentProvider } from '../../integrations/payment/payment-provider.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { cancelOwnPolicy } from '../policies/cancel-own-policy.ts';
import { domesticApplication, guestCtx, paidOrder, useIssuanceWorld } from '../policies/issuance-test-fixtures.ts';
import { issuePolicy } from '../policies/issue-policy.ts';
import { refundedFen, refundOrder } from './refund-order.ts';
import { payments, refunds } from './schema.ts';
import { RESUME_REQUESTED_AFTER_MS, settleRefunds } from './settle-refunds.ts';

// The sandbox pays a refund out this long after it was asked for: meanwhile it answers `pending`.
const SETTLE_MS = 600;

const made = useIssuanceWorld({}, { refundSettleMs: SETTLE_MS });
const db = () => made.database.db;

const provider = () => made.world.purchase.payment as PaymentProvider;
const refundsOf = (orderId: string) => db().select().from(refunds).where(eq(refunds.orderId, orderId));
const later = (ms: number) => new Date(Date.now() + ms);

async function paid() {
  const ctx = { ...guestCtx(), purpose: 'policy_service' as const };
  const orderId = await paidOrder(made.world, ctx, domesticApplication(buildPersonPi(), buildPersonPi()));
  const order = await getOwnOrder(ctx, db(), orderId);
  const [payment] = await db().select().from(payments).where(eq(payments.orderId, orderId));
  return { ctx, orderId, premiumFen: order.premiumFen, providerPaymentId: (payment as { providerPaymentId: string }).providerPaymentId };
}

describe('refunds followed to their end (payments.settle-refunds)', () => {
  it('R-POL-10 R-POL-8 a cancellation refund the provider answers pending is asked about again until it has succeeded', async () => {
    const { ctx, orderId, premiumFen, providerPaymentId } = await paid();
    const issued = await issuePolicy({ db: db(), keyring: made.keyring, purchase: made.world.purchase }, orderId);
    if (issued.outcome !== 'issued') throw new Error(`not issued: ${issued.outcome}`);
    expect(await cancelOwnPolicy(ctx, { db: db(), purchase: made.world.purchase }, { policyId: issued.policyId, expectedRefundFen: premiumFen })).toEqual({ refundFen: premiumFen });
    expect(await refundsOf(orderId)).toMatchObject([{ status: 'pending', amountFen: premiumFen }]);

    // Still on its way: asked, left pending, nothing else changes.
    expect(await settleRefunds({ db: db(), provider: provider() })).toMatchObject({ succeeded: 0, stillPending: 1, errors: 0 });
    expect(await refundsOf(orderId)).toMatchObject([{ status: 'pending' }]);

    await sleep(SETTLE_MS + 100);
    expect(await settleRefunds({ db: db(), provider: provider() })).toMatchObject({ succeeded: 1, stillPending: 0, errors: 0 });
    expect(await refundsOf(orderId)).toMatchObject([{ status: 'succeeded', amountFen: premiumFen }]);
    expect((await provider().queryPayment(providerPaymentId)).refundedFen).toBe(premiumFen);
    // Settled refunds are not asked about again.
    expect(await settleRefunds({ db: db(), provider: provider() })).toEqual({ succeeded: 0, failed: 0, stillPending: 0, errors: 0 });
  });

  it('R-POL-8 a refund left requested (provider down, no retry came) is sent again under its own key once it is old enough, and pays out once', async () => {
    const { orderId, premiumFen, providerPaymentId } = await paid();
    const down: PaymentProvider = Object.assign(Object.create(provider()) as PaymentProvider, {
      refund: async () => {
        throw new AppError('payment_provider_unavailable', 'test: provider down');
      },
    });
    const ctx = systemCtx('test.refunds', 'policy_service');
    const input = { orderId, amountFen: premiumFen, reason: 'issuance_declined' as const, idempotencyKey: `decline_${orderId}` };
    await expect(refundOrder(ctx, { db: db(), provider: down }, input)).rejects.toMatchObject({ code: 'payment_provider_unavailable' });
    expect(await refundsOf(orderId)).toMatchObject([{ status: 'requested' }]);

    // Its caller may still be retrying: too young for the sweep.
    await settleRefunds({ db: db(), provider: provider() });
    expect(await refundsOf(orderId)).toMatchObject([{ status: 'requested' }]);
    // The provider still down: the refund stays requested, counted as an error for the next run.
    expect(await settleRefunds({ db: db(), provider: down }, later(RESUME_REQUESTED_AFTER_MS + 1_000))).toMatchObject({ errors: 1 });

    expect(await settleRefunds({ db: db(), provider: provider() }, later(RESUME_REQUESTED_AFTER_MS + 1_000))).toMatchObject({ stillPending: 1, errors: 0 });
    await sleep(SETTLE_MS + 100);
    expect(await settleRefunds({ db: db(), provider: provider() })).toMatchObject({ succeeded: 1 });
    // Its caller's retry comes after all: the same refund, not a second payout.
    expect(await refundOrder(ctx, { db: db(), provider: provider() }, input)).toMatchObject({ status: 'succeeded' });
    expect(await refundsOf(orderId)).toHaveLength(1);
    expect((await provider().queryPayment(providerPaymentId)).refundedFen).toBe(premiumFen);
  });

  it('R-POL-8 a refund the provider gives up on is recorded failed and no longer counts against what was paid; without a provider nothing is asked', async () => {
    const { orderId, premiumFen } = await paid();
    const ctx = systemCtx('test.refunds', 'policy_service');
    await refundOrder(ctx, { db: db(), provider: provider() }, { orderId, amountFen: premiumFen, reason: 'issuance_declined', idempotencyKey: `decline_${orderId}` });
    expect(await settleRefunds({ db: db(), provider: null })).toEqual({ succeeded: 0, failed: 0, stillPending: 0, errors: 0 });

    const refusing: PaymentProvider = Object.assign(Object.create(provider()) as PaymentProvider, {
      queryRefund: async (_payment: string, providerRefundId: string) => ({ providerRefundId, status: 'failed' as const }),
    });
    expect(await settleRefunds({ db: db(), provider: refusing })).toMatchObject({ failed: 1 });
    expect(await refundsOf(orderId)).toMatchObject([{ status: 'failed' }]);
    // The money is still the customer's to be given back: a failed refund no longer counts against the payment.
    const [payment] = await db().select().from(payments).where(eq(payments.orderId, orderId));
    expect(await refundedFen(db(), (payment as { id: string }).id)).toBe(0);
  });
});
