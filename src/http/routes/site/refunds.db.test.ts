import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { guestClient, placeSchengenOrder } from '../../../../test/support/purchase-api.ts';
import { useTestApp } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { ensureDemoCatalogue } from '../../../modules/catalogue/demo/ensure-demo-catalogue.ts';
import { newId } from '../../../shared/ids.ts';
import { payments, refunds } from '../../../modules/payments/schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
useTestApp({}, (built) => ({ app, database } = built));
beforeAll(async () => {
  await ensureDemoCatalogue(database.db);
});

describe('refunds of an order (site API)', () => {
  it('R-POL-8 the session that owns an order sees its refunds and where each stands; nobody else does, and nothing is cached', async () => {
    const { client, order } = await placeSchengenOrder(app);
    const empty = await client.get(`/api/site/orders/${order.id}/refunds`);
    expect(empty.statusCode).toBe(200);
    expect(empty.headers['cache-control']).toBe('no-store');
    expect(empty.json()).toEqual({ refunds: [] });

    // As the payment and refund steps leave them: a premium paid, part of it on its way back.
    const paymentId = newId('pay');
    await database.db.insert(payments).values({ id: paymentId, orderId: order.id, provider: 'sandbox', providerPaymentId: newId('sbxpay'), amountFen: order.premiumFen, status: 'paid', payUrl: 'http://127.0.0.1:9/pay/x', expiresAt: new Date(), paidAt: new Date(), idempotencyKey: `pay_${order.id}`, purpose: 'premium', merchantReference: order.id });
    await database.db.insert(refunds).values({ id: newId('rfd'), orderId: order.id, paymentId, amountFen: 1_000, reason: 'date_change', status: 'pending', idempotencyKey: `dch_${order.id}` });
    const listed = (await client.get(`/api/site/orders/${order.id}/refunds`)).json().refunds;
    expect(listed).toMatchObject([{ amountFen: 1_000, reason: 'date_change', status: 'pending' }]);

    const stranger = await guestClient(app);
    const refused = await stranger.get(`/api/site/orders/${order.id}/refunds`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('order_not_found');
  });
});
