import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderAwaitingPayment } from '../../../test/support/factories/order.ts';
import { AppError } from '../../errors/app-error.ts';
import type { PaymentProvider } from '../../integrations/payment/payment-provider.ts';
import { systemCtx, type Ctx } from '../../privacy/access/context.ts';
import { ordersSweepRules } from '../orders/retention.ts';
import { orders } from '../orders/schema.ts';
import { sweepRetention } from '../../privacy/retention/sweep-retention.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { createOrderPayment } from './create-order-payment.ts';
import { expireUnpaidOrders } from './expire-unpaid-orders.ts';
import { eventually, payAtSandbox, startPaymentHarness, type PaymentHarness } from './payment-test-harness.ts';
import { refundOrder } from './refund-order.ts';
import { paymentsSweepRules } from './retention.ts';
import { paymentNotifications, payments, refunds } from './schema.ts';

let harness: PaymentHarness;

beforeAll(async () => {
  harness = await startPaymentHarness();
});
afterAll(async () => {
  await harness?.close();
});

const jobCtx = systemCtx('payments.expire-unpaid-orders', 'purchase');
const money = () => ({ db: harness.database.db, provider: harness.provider as PaymentProvider });
const deps = () => ({ ...money(), enqueue: null });

/** An order with its payment created at the sandbox; `notifications: false` sends the sandbox's notifications nowhere. */
async function orderWithPayment(options: { notifications?: boolean } = {}): Promise<{ ctx: Ctx; orderId: string; premiumFen: number; payUrl: string }> {
  const { ctx, order } = await orderAwaitingPayment({ db: harness.database.db, keyring: harness.keyring });
  const publicUrl = options.notifications === false ? 'http://127.0.0.1:9' : harness.purchase.publicUrl;
  const { payUrl } = await createOrderPayment(ctx, { db: harness.database.db, provider: harness.provider, publicUrl }, { orderId: order.id });
  return { ctx, orderId: order.id, premiumFen: order.premiumFen, payUrl };
}

async function paidOrder(): Promise<{ ctx: Ctx; orderId: string; premiumFen: number; providerPaymentId: string }> {
  const made = await orderWithPayment();
  await payAtSandbox(made.payUrl);
  await eventually(() => getOwnOrder(made.ctx, harness.database.db, made.orderId), (order) => order.status === 'paid');
  return { ...made, providerPaymentId: await providerPaymentIdOf(made.orderId) };
}

async function providerPaymentIdOf(orderId: string): Promise<string> {
  const [payment] = await harness.database.db.select().from(payments).where(eq(payments.orderId, orderId));
  if (!payment) throw new Error('no payment');
  return payment.providerPaymentId;
}

const pastDue = (orderId: string) => harness.database.db.update(orders).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(orders.id, orderId));
const statusOf = async (orderId: string) => (await harness.database.db.select({ status: orders.status, closedAt: orders.closedAt }).from(orders).where(eq(orders.id, orderId)))[0];

describe('unpaid orders expire', () => {
  it('R-POL-8 an order past its time expires, its payment is closed and can no longer be paid; an order in time stays', async () => {
    const due = await orderWithPayment();
    const unpaidWithoutPayment = await orderAwaitingPayment({ db: harness.database.db, keyring: harness.keyring });
    const inTime = await orderWithPayment();
    await pastDue(due.orderId);
    await pastDue(unpaidWithoutPayment.order.id);

    const counts = await expireUnpaidOrders(jobCtx, deps());
    expect(counts).toMatchObject({ expired: 2, paidMeanwhile: 0, closeFailed: 0, failed: 0 });
    expect(await statusOf(due.orderId)).toMatchObject({ status: 'expired', closedAt: expect.any(Date) });
    expect(await statusOf(unpaidWithoutPayment.order.id)).toMatchObject({ status: 'expired' });
    expect(await statusOf(inTime.orderId)).toMatchObject({ status: 'awaiting_payment' });
    expect((await harness.provider.queryPayment(await providerPaymentIdOf(due.orderId))).status).toBe('closed');
    expect((await payAtSandbox(due.payUrl)).status).toBe(409);
    const [payment] = await harness.database.db.select().from(payments).where(eq(payments.orderId, due.orderId));
    expect(payment?.status).toBe('closed');
    // Running again finds nothing more to do.
    expect(await expireUnpaidOrders(jobCtx, deps())).toMatchObject({ expired: 0 });
  });

  it('R-POL-8 an order found paid at the provider when closing is marked paid, not expired', async () => {
    const made = await orderWithPayment({ notifications: false });
    await payAtSandbox(made.payUrl);
    await pastDue(made.orderId);
    const queued: string[] = [];
    const counts = await expireUnpaidOrders(jobCtx, { ...deps(), enqueue: async (name) => (queued.push(name), null) });
    expect(counts).toMatchObject({ expired: 0, paidMeanwhile: 1 });
    expect(await statusOf(made.orderId)).toMatchObject({ status: 'paid' });
    expect(queued).toEqual(['policies.issue-policy']);
  });

  it('R-POL-8 an order expires on time even when the provider cannot close its payment; money paid afterwards goes back in full', async () => {
    const made = await orderWithPayment();
    await pastDue(made.orderId);
    const unreachable: PaymentProvider = Object.assign(Object.create(harness.provider) as PaymentProvider, {
      closePayment: async () => {
        throw new AppError('payment_provider_unavailable', 'test: provider down');
      },
    });
    expect(await expireUnpaidOrders(jobCtx, { ...deps(), provider: unreachable })).toMatchObject({ expired: 1, closeFailed: 1 });
    expect(await statusOf(made.orderId)).toMatchObject({ status: 'expired' });

    // The payer still had the page open: the provider takes the money, its notification finds the order expired.
    expect((await payAtSandbox(made.payUrl)).status).toBe(303);
    const [refund] = await eventually(
      () => harness.database.db.select().from(refunds).where(eq(refunds.orderId, made.orderId)),
      (rows) => rows.length === 1 && rows[0]?.status === 'succeeded',
    );
    expect(refund).toMatchObject({ amountFen: made.premiumFen, reason: 'late_payment', status: 'succeeded' });
    expect(await harness.provider.queryPayment(await providerPaymentIdOf(made.orderId))).toMatchObject({ status: 'paid', refundedFen: made.premiumFen });
    expect(await statusOf(made.orderId)).toMatchObject({ status: 'expired' });
    expect(harness.queued.filter((job) => job.data.orderId === made.orderId)).toHaveLength(0);
  });
});

describe('refunds', () => {
  it('R-POL-8 refunds never exceed what was paid, and the same key is the same refund', async () => {
    const paid = await paidOrder();
    const ctx = systemCtx('test.refunds', 'policy_service');
    const first = await refundOrder(ctx, money(), { orderId: paid.orderId, amountFen: paid.premiumFen - 100, reason: 'date_change', idempotencyKey: `k1_${paid.orderId}` });
    expect(first.status).toBe('succeeded');
    const again = await refundOrder(ctx, money(), { orderId: paid.orderId, amountFen: paid.premiumFen - 100, reason: 'date_change', idempotencyKey: `k1_${paid.orderId}` });
    expect(again).toEqual(first);
    expect((await harness.provider.queryPayment(paid.providerPaymentId)).refundedFen).toBe(paid.premiumFen - 100);

    await expect(refundOrder(ctx, money(), { orderId: paid.orderId, amountFen: 101, reason: 'date_change', idempotencyKey: `k2_${paid.orderId}` })).rejects.toMatchObject({ code: 'payment_refund_too_large' });
    await expect(refundOrder(ctx, money(), { orderId: paid.orderId, amountFen: 50, reason: 'date_change', idempotencyKey: `k1_${paid.orderId}` })).rejects.toMatchObject({ code: 'payment_request_conflict' });
    expect((await refundOrder(ctx, money(), { orderId: paid.orderId, amountFen: 100, reason: 'cooling_off_cancellation', idempotencyKey: `k3_${paid.orderId}` })).status).toBe('succeeded');
    await expect(refundOrder(ctx, money(), { orderId: paid.orderId, amountFen: 1, reason: 'date_change', idempotencyKey: `k4_${paid.orderId}` })).rejects.toMatchObject({ code: 'payment_refund_too_large' });
    expect((await harness.provider.queryPayment(paid.providerPaymentId)).refundedFen).toBe(paid.premiumFen);
    expect(await harness.database.db.select().from(refunds).where(eq(refunds.orderId, paid.orderId))).toHaveLength(2);
  });

  it('R-POL-8 refunds racing for the whole premium: exactly one goes through', async () => {
    const paid = await paidOrder();
    const ctx = systemCtx('test.refunds', 'policy_service');
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((key) => refundOrder(ctx, money(), { orderId: paid.orderId, amountFen: paid.premiumFen, reason: 'issuance_declined', idempotencyKey: `${key}_${paid.orderId}` })),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason.code)).toEqual(['payment_refund_too_large', 'payment_refund_too_large', 'payment_refund_too_large']);
    expect((await harness.provider.queryPayment(paid.providerPaymentId)).refundedFen).toBe(paid.premiumFen);
  });

  it('R-POL-8 a refund waits out an unavailable provider and resumes with the same key; nothing paid, nothing refunded', async () => {
    const paid = await paidOrder();
    const ctx = systemCtx('test.refunds', 'policy_service');
    const down: PaymentProvider = Object.assign(Object.create(harness.provider) as PaymentProvider, {
      refund: async () => {
        throw new AppError('payment_provider_unavailable', 'test: provider down');
      },
    });
    const input = { orderId: paid.orderId, amountFen: paid.premiumFen, reason: 'issuance_declined' as const, idempotencyKey: `decline_${paid.orderId}` };
    await expect(refundOrder(ctx, { db: harness.database.db, provider: down }, input)).rejects.toMatchObject({ code: 'payment_provider_unavailable' });
    const [pendingRefund] = await harness.database.db.select().from(refunds).where(eq(refunds.orderId, paid.orderId));
    expect(pendingRefund?.status).toBe('requested');
    // Still counted: nothing else may be refunded meanwhile.
    await expect(refundOrder(ctx, money(), { ...input, amountFen: 1, idempotencyKey: `other_${paid.orderId}` })).rejects.toMatchObject({ code: 'payment_refund_too_large' });
    expect(await refundOrder(ctx, money(), input)).toEqual({ refundId: pendingRefund?.id, status: 'succeeded' });
    expect((await harness.provider.queryPayment(paid.providerPaymentId)).refundedFen).toBe(paid.premiumFen);

    const unpaid = await orderWithPayment();
    await expect(refundOrder(ctx, money(), { orderId: unpaid.orderId, amountFen: 1, reason: 'date_change', idempotencyKey: `x_${unpaid.orderId}` })).rejects.toMatchObject({ code: 'refund_without_payment' });
    await expect(refundOrder(ctx, money(), { orderId: paid.orderId, amountFen: 0, reason: 'date_change', idempotencyKey: `y_${paid.orderId}` })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('retention of payments', () => {
  it('R-STO-1 payments, their signals and refunds go with their order, before it; an order still kept keeps them', async () => {
    const ctx = systemCtx('privacy.retention-sweep', 'legal_obligation');
    const gone = await paidOrder();
    await refundOrder(ctx, money(), { orderId: gone.orderId, amountFen: 1, reason: 'date_change', idempotencyKey: `r_${gone.orderId}` });
    const kept = await paidOrder();
    await harness.database.db.update(orders).set({ retainUntil: new Date(Date.now() - 1_000) }).where(eq(orders.id, gone.orderId));

    // The orders' rules alone cannot remove an order its payment still refers to.
    await expect(sweepRetention(ctx, harness.database.db, { dryRun: false, rules: ordersSweepRules })).rejects.toThrow();
    await sweepRetention(ctx, harness.database.db, { dryRun: false, rules: [...paymentsSweepRules, ...ordersSweepRules] });
    expect(await statusOf(gone.orderId)).toBeUndefined();
    expect(await harness.database.db.select().from(payments).where(eq(payments.orderId, gone.orderId))).toHaveLength(0);
    expect(await harness.database.db.select().from(refunds).where(eq(refunds.orderId, gone.orderId))).toHaveLength(0);
    const keptPayment = await harness.database.db.select().from(payments).where(eq(payments.orderId, kept.orderId));
    expect(keptPayment).toHaveLength(1);
    expect(await harness.database.db.select().from(paymentNotifications).where(eq(paymentNotifications.paymentId, keptPayment[0]?.id as string))).toHaveLength(1);
  });
});
