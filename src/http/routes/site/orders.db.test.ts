import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase } from '../../../../test/support/dump-database.ts';
import { allConsents, beijingDate, guestClient, placeSchengenOrder, readAndConfirm, schengenApplication, startSale } from '../../../../test/support/purchase-api.ts';
import { useTestApp, type CapturedLog } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { ensureDemoCatalogue } from '../../../modules/catalogue/demo/ensure-demo-catalogue.ts';
import { quotePlan } from '../../../modules/catalogue/quote-plan.ts';
import { orderStatusChanged } from '../../../modules/orders/order-status-watch.ts';

let database: TestDatabase;
let app: FastifyInstance;
let log: CapturedLog;
useTestApp({}, (built) => ({ app, database, log } = built));
beforeAll(async () => {
  await ensureDemoCatalogue(database.db);
});

async function orderCount(): Promise<number> {
  const result = await database.db.execute(sql`select count(*)::int as n from orders`);
  return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n);
}

describe('applications and the sales-process record (site API)', () => {
  it('R-POL-7 a confirmation is refused unless the server showed exactly that content in this sale', async () => {
    const client = await guestClient(app);
    const { saleId, steps } = await startSale(client, 'schengen-visa');
    expect(steps).toEqual(['purchase_notice', 'terms', 'exclusions']);
    const unseen = await client.post(`/api/site/sales/${saleId}/steps/terms/confirmation`, { contentHash: 'a'.repeat(64) });
    expect(unseen.statusCode).toBe(409);
    expect(unseen.json().code).toBe('sale_step_not_shown');
    const shown = (await client.get(`/api/site/sales/${saleId}/steps/terms`)).json();
    expect(shown.body.length).toBeGreaterThan(50);
    expect(shown.statement).toContain('保险条款');
    const otherHash = await client.post(`/api/site/sales/${saleId}/steps/terms/confirmation`, { contentHash: 'b'.repeat(64) });
    expect(otherHash.json().code).toBe('sale_step_not_shown');
    // Another session cannot read or confirm this sale.
    const stranger = await guestClient(app);
    expect((await stranger.get(`/api/site/sales/${saleId}/steps/terms`)).statusCode).toBe(404);
    expect((await client.post(`/api/site/sales/${saleId}/steps/terms/confirmation`, { contentHash: shown.contentHash })).statusCode).toBe(200);

    const rows = await database.db.execute(sql`select kind, action, content_hash, statement, viewed_ms from sale_steps where sale_id = ${saleId} order by seq`);
    const recorded = (rows as unknown as { rows: Array<{ kind: string; action: string; content_hash: string; statement: string | null; viewed_ms: number | null }> }).rows;
    expect(recorded.map((row) => `${row.kind}:${row.action}`)).toEqual(['product_page:shown', 'terms:shown', 'terms:confirmed']);
    expect(recorded[2]).toMatchObject({ content_hash: shown.contentHash, statement: shown.statement });
    expect(recorded[2]?.viewed_ms).toBeGreaterThanOrEqual(0);
    // The record is evidence: the database refuses to change or delete it.
    await expect(database.db.execute(sql`update sale_steps set statement = 'x' where sale_id = ${saleId}`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from sale_steps where sale_id = ${saleId}`)).rejects.toThrow();
  });

  it('R-POL-4 R-POL-5 R-POL-7 an application needs every reading confirmed, the authorisation for others and the separate consents; then one order per key', async () => {
    const client = await guestClient(app);
    const sale = await startSale(client, 'schengen-visa');
    expect(sale.consents.map((consent) => consent.purpose).sort()).toEqual(['sensitive_pi', 'share_with_insurer']);
    const application = schengenApplication();
    const send = (body: Record<string, unknown>) => client.post('/api/site/orders', { saleId: sale.saleId, idempotencyKey: randomUUID(), application, consents: allConsents(sale.consents), ...body });

    const unread = await send({});
    expect(unread.statusCode, unread.body).toBe(409);
    expect(unread.json().code).toBe('sale_steps_missing');
    expect(unread.json().detail).toContain('投保须知');
    await readAndConfirm(client, sale.saleId, [...sale.steps, 'confirmation']);
    const noAuthorisation = await send({});
    expect(noAuthorisation.json().code).toBe('sale_steps_missing');
    expect(noAuthorisation.json().detail).toContain('被保险人授权声明');
    await readAndConfirm(client, sale.saleId, ['authorisation']);

    const noConsent = await send({ consents: {} });
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.json().code).toBe('application_consent_required');
    expect(await orderCount()).toBe(0);

    const key = randomUUID();
    const created = await send({ idempotencyKey: key });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    const priced = await quotePlan(database.db, { product: 'schengen-visa', plan: 'standard', destinations: ['FR', 'DE'], days: 10, ages: application.insured.map((insured) => ageOf(insured.person.birthDate)) });
    expect(order).toMatchObject({ status: 'awaiting_payment', insuredCount: 2, premiumFen: priced.totalFen, coverStart: application.startDate, coverEnd: application.endDate, destinations: ['FR', 'DE'] });
    expect(new Date(order.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    // The same key again (a retry, a double click) is the same order; another key for this sale is refused.
    const again = await send({ idempotencyKey: key });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(order.id);
    expect((await send({})).json().code).toBe('idempotency_conflict');
    expect((await client.get('/api/site/orders')).json().orders.map((row: { id: string }) => row.id)).toEqual([order.id]);
    expect((await (await guestClient(app)).get(`/api/site/orders/${order.id}`)).statusCode).toBe(404);

    // Consent evidence for the guest, and the parties only as ciphertext: no name, ID or passport in a dump.
    const consents = await database.db.execute(sql`select matter, action from consent_records where subject_id = (select guest_id from orders where id = ${order.id})`);
    expect((consents as unknown as { rows: Array<{ matter: string }> }).rows.map((row) => row.matter).sort()).toEqual(['purpose:sensitive_pi', 'purpose:share_with_insurer']);
    const dump = await dumpDatabase(database);
    for (const value of [application.policyholder.person.name, application.policyholder.person.idDocument?.number, application.insured[1]?.person.passportNumber, application.policyholder.person.phone]) {
      expect(dump).not.toContain(value);
      expect(log.text()).not.toContain(value);
    }
  });

  it('R-POL-4 bad input gets every problem at once, per field, in the person’s language, without echoing it; nothing is stored', async () => {
    const client = await guestClient(app, 'en');
    const sale = await startSale(client, 'schengen-visa');
    await readAndConfirm(client, sale.saleId, [...sale.steps, 'authorisation', 'confirmation']);
    const application = schengenApplication();
    const holder = application.policyholder.person;
    const badId = `${holder.idDocument?.number.slice(0, 17)}${holder.idDocument?.number.endsWith('0') ? '1' : '0'}`;
    holder.idDocument = { type: 'resident_id', number: badId };
    (application.insured[1] as { person: { birthDate: string } }).person.birthDate = '1900-01-01';
    const before = await orderCount();
    const response = await client.post('/api/site/orders', { saleId: sale.saleId, idempotencyKey: randomUUID(), application, consents: allConsents(sale.consents) });
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('application_invalid');
    expect(problem.errors.map((error: { pointer: string }) => error.pointer)).toEqual(expect.arrayContaining(['/body/application/policyholder/person/idDocument/number', '/body/application/insured/1/person/birthDate']));
    expect(problem.errors.every((error: { detail: string }) => /^[\x20-\x7e’–]+$/.test(error.detail))).toBe(true);
    expect(response.body).not.toContain(badId);
    expect(response.body).not.toContain(holder.name);
    expect(await orderCount()).toBe(before);
  });

  it('R-POL-9 an order asked with waitWhile is answered once its status changes: at once by this process, by a re-read for another’s, else after waitSeconds', async () => {
    const { client, order } = await placeSchengenOrder(app);
    const moveTo = (status: string) => database.db.execute(sql`update orders set status = ${status} where id = ${order.id}`);
    const url = (waitWhile: string, seconds: number) => `/api/site/orders/${order.id}?waitWhile=${waitWhile}&waitSeconds=${seconds}`;

    // Not in that status: answered at once; still in it after waitSeconds: answered as it stands.
    expect((await client.get(url('paid', 20))).json().status).toBe('awaiting_payment');
    expect((await client.get(url('awaiting_payment', 1))).json().status).toBe('awaiting_payment');

    // Changed by another process (here: plain SQL, no wake-up): found by the shared re-read, well before the 20 s.
    const byAnother = client.get(url('awaiting_payment', 20));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await moveTo('paid');
    expect((await byAnother).json().status).toBe('paid');

    // Changed and announced in this process, as issuance does after its commit.
    const byThis = client.get(url('paid', 20));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await moveTo('issued');
    orderStatusChanged(database.db, order.id);
    expect((await byThis).json().status).toBe('issued');

    // Somebody else's order is not found, waiting or not; a status that does not exist is refused.
    expect((await (await guestClient(app)).get(url('issued', 1))).statusCode).toBe(404);
    expect((await client.get(url('nonsense', 1))).statusCode).toBe(400);
  });
});

function ageOf(birth: string): number {
  const start = beijingDate(10);
  const years = Number(start.slice(0, 4)) - Number(birth.slice(0, 4));
  return start.slice(5) < birth.slice(5) ? years - 1 : years;
}
