import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { placeSchengenOrder } from '../../../../test/support/purchase-api.ts';
import { signedInStaff } from '../../../../test/support/staff-session.ts';
import { useTestApp } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { ensureDemoCatalogue } from '../../../modules/catalogue/demo/ensure-demo-catalogue.ts';
import { payments, refunds } from '../../../modules/payments/schema.ts';
import { newId } from '../../../shared/ids.ts';

let database: TestDatabase;
let app: FastifyInstance;
useTestApp({}, (built) => ({ app, database } = built));
beforeAll(async () => {
  await ensureDemoCatalogue(database.db);
});

async function auditActions(record: string): Promise<string[]> {
  const rows = await database.db.execute(sql`select action from audit_log where record = ${record} order by at`);
  return (rows as unknown as { rows: Array<{ action: string }> }).rows.map((row) => row.action);
}

describe('orders in the console', () => {
  it('R-POL-7 R-SEC-3 service finds an order by a person’s document, sees people masked and the sales process replayed with the exact texts; unmasking needs a reason and is audited', async () => {
    const { order, application } = await placeSchengenOrder(app);
    const holder = application.policyholder.person;
    const { client } = await signedInStaff(app, database.db, ['customer_service']);

    const found = await client.post('/api/console/orders/search', { idDocument: holder.idDocument });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().orders.map((row: { id: string }) => row.id)).toEqual([order.id]);
    expect(await auditActions(`orders/${order.id}`)).toContain('read');

    const view = await client.get(`/api/console/orders/${order.id}`);
    expect(view.statusCode, view.body).toBe(200);
    const { parties, timeline } = view.json();
    expect(view.body).not.toContain(holder.name);
    expect(view.body).not.toContain(holder.idDocument.number);
    expect(view.body).not.toContain(application.insured[1]?.person.passportNumber);
    const policyholder = parties.find((party: { role: string }) => party.role === 'policyholder');
    expect(policyholder.idDocument.number).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(timeline.map((step: { kind: string; action: string }) => `${step.kind}:${step.action}`)).toEqual([
      'product_page:shown',
      'purchase_notice:shown',
      'purchase_notice:confirmed',
      'terms:shown',
      'terms:confirmed',
      'exclusions:shown',
      'exclusions:confirmed',
      'authorisation:shown',
      'authorisation:confirmed',
      'confirmation:shown',
      'confirmation:confirmed',
    ]);
    const exclusions = timeline.find((step: { kind: string; action: string }) => step.kind === 'exclusions' && step.action === 'confirmed');
    expect(exclusions.document.bodyZh).toContain('保险人不承担给付保险金的责任');
    expect(exclusions.document.textHash).toBe(exclusions.contentHash);
    expect(exclusions.statement).toContain('责任免除');
    expect(view.json().money).toEqual({ payments: [], refunds: [] });

    // Its money as the payment steps leave it: the premium paid, a refund the provider gave up on.
    const paymentId = newId('pay');
    await database.db.insert(payments).values({ id: paymentId, orderId: order.id, provider: 'sandbox', providerPaymentId: newId('sbxpay'), amountFen: order.premiumFen, status: 'paid', payUrl: 'http://127.0.0.1:9/pay/x', expiresAt: new Date(), paidAt: new Date(), idempotencyKey: `pay_${order.id}`, purpose: 'premium', merchantReference: order.id });
    await database.db.insert(refunds).values({ id: newId('rfd'), orderId: order.id, paymentId, amountFen: order.premiumFen, reason: 'cooling_off_cancellation', status: 'failed', idempotencyKey: `cnl_${order.id}` });
    const money = (await client.get(`/api/console/orders/${order.id}`)).json().money;
    expect(money.payments).toMatchObject([{ purpose: 'premium', amountFen: order.premiumFen, status: 'paid' }]);
    expect(money.refunds).toMatchObject([{ reason: 'cooling_off_cancellation', amountFen: order.premiumFen, status: 'failed' }]);

    const noReason = await client.post(`/api/console/orders/${order.id}/parties/${policyholder.id}/unmask`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const unmasked = await client.post(`/api/console/orders/${order.id}/parties/${policyholder.id}/unmask`, { reason: '客户来电核对投保人信息' });
    expect(unmasked.statusCode, unmasked.body).toBe(200);
    expect(unmasked.json()).toMatchObject({ name: holder.name, idDocument: { number: holder.idDocument.number } });
    expect(await auditActions(`order_parties/${policyholder.id}`)).toEqual(['refused', 'unmask']);
  });

  it('R-SEC-3 roles without the permission are refused: operations cannot read orders, auditors cannot unmask', async () => {
    const { order } = await placeSchengenOrder(app);
    const { client: operations } = await signedInStaff(app, database.db, ['operations']);
    expect((await operations.get(`/api/console/orders/${order.id}`)).statusCode).toBe(403);
    const { client: auditor } = await signedInStaff(app, database.db, ['auditor']);
    const view = (await auditor.get(`/api/console/orders/${order.id}`)).json();
    const partyId = view.parties[0].id;
    expect((await auditor.post(`/api/console/orders/${order.id}/parties/${partyId}/unmask`, { reason: '审计抽查核对信息' })).statusCode).toBe(403);
  });
});
