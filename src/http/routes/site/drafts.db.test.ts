import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../../test/support/capturing-sms.ts';
import { signedInCustomer } from '../../../../test/support/customer-session.ts';
import { dumpDatabase } from '../../../../test/support/dump-database.ts';
import { buildPersonPi } from '../../../../test/support/factories/person.ts';
import { TestClient } from '../../../../test/support/http-client.ts';
import { allConsents, readAndConfirm, schengenApplication, startSale } from '../../../../test/support/purchase-api.ts';
import { useTestApp, type CapturedLog } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { ensureDemoCatalogue } from '../../../modules/catalogue/demo/ensure-demo-catalogue.ts';
import { MAX_DRAFT_CHARACTERS } from '../../../modules/orders/save-application-draft.ts';

let database: TestDatabase;
let app: FastifyInstance;
let log: CapturedLog;
const sms = new CapturingSms();
useTestApp({ sms }, (built) => ({ app, database, log } = built));
beforeAll(async () => {
  await ensureDemoCatalogue(database.db);
});

/** The purchase page's form as it keeps it while the person types: here without any document number. */
function formOf(person = buildPersonPi()) {
  return {
    plan: 'standard',
    destinations: ['FR'],
    startDate: '2031-05-01',
    endDate: '2031-05-10',
    policyholder: { kind: 'person', person: { name: person.name, phone: person.phone, idDocument: { type: 'resident_id', number: '' } } },
    insured: [{ relationship: 'self', person: { namePinyin: 'ZHANG SAN' } }],
  };
}

const draftRows = async () => (await database.db.execute(sql`select customer_id, data_enc from application_drafts`)) as unknown as { rows: Array<{ customer_id: string; data_enc: string }> };

describe('application drafts (site API)', () => {
  it('R-POL-4 a signed-in customer saves, finds, replaces and throws away a draft; nobody else sees it', async () => {
    const { client } = await signedInCustomer(app, sms);
    const person = buildPersonPi();
    const form = formOf(person);
    const saved = await client.put('/api/site/drafts/schengen-visa', { data: form });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers['cache-control']).toBe('no-store');

    const read = await client.get('/api/site/drafts/schengen-visa');
    expect(read.statusCode).toBe(200);
    expect(read.json().data).toEqual(form);
    const listed = (await client.get('/api/site/drafts')).json().drafts;
    expect(listed).toEqual([{ productCode: 'schengen-visa', productNameZh: '申根签证旅行保险', productNameEn: 'Schengen Visa Travel Insurance', updatedAt: read.json().updatedAt }]);

    // A later save replaces the draft (one per product) and still decrypts: the row keeps its id.
    const replaced = { ...form, plan: 'premium' };
    expect((await client.put('/api/site/drafts/schengen-visa', { data: replaced })).statusCode).toBe(200);
    expect((await client.get('/api/site/drafts/schengen-visa')).json().data.plan).toBe('premium');
    expect((await client.get('/api/site/drafts')).json().drafts).toHaveLength(1);

    // Only as ciphertext in the database, never in the log.
    const dump = await dumpDatabase(database);
    expect(dump).not.toContain(person.name);
    expect(dump).not.toContain(person.phone);
    expect(log.text()).not.toContain(person.name);

    const stranger = await signedInCustomer(app, sms);
    expect((await stranger.client.get('/api/site/drafts/schengen-visa')).statusCode).toBe(404);
    expect((await stranger.client.get('/api/site/drafts')).json().drafts).toEqual([]);

    const deleted = await client.request({ method: 'DELETE', url: '/api/site/drafts/schengen-visa' });
    expect(deleted.statusCode).toBe(204);
    expect((await client.get('/api/site/drafts/schengen-visa')).statusCode).toBe(404);
    expect((await client.request({ method: 'DELETE', url: '/api/site/drafts/schengen-visa' })).statusCode).toBe(204);
  });

  it('R-POL-4 R-RGT-4 a draft holds a document number or health answers only with the sensitive-PI consent in force', async () => {
    const { client, customerId } = await signedInCustomer(app, sms);
    const person = buildPersonPi();
    const withId = formOf(person);
    withId.policyholder.person.idDocument.number = person.idNumber;
    const refused = await client.put('/api/site/drafts/schengen-visa', { data: withId });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('sensitive_pi_consent_required');
    expect(refused.body).not.toContain(person.idNumber);
    const health = await client.put('/api/site/drafts/million-medical', { data: { insured: [{ relationship: 'self', healthAnswers: { q1: false } }] } });
    expect(health.json().code).toBe('sensitive_pi_consent_required');
    expect((await draftRows()).rows.filter((row) => row.customer_id === customerId)).toEqual([]);

    const sale = (await client.post('/api/site/sales', { productCode: 'schengen-visa' })).json();
    const version = sale.consents.find((consent: { purpose: string }) => consent.purpose === 'sensitive_pi').version as number;
    expect((await client.post('/api/site/consents/sensitive_pi', { decision: 'grant', version })).statusCode).toBe(200);
    expect((await client.put('/api/site/drafts/schengen-visa', { data: withId })).statusCode).toBe(200);
    expect((await client.get('/api/site/drafts/schengen-visa')).json().data.policyholder.person.idDocument.number).toBe(person.idNumber);
    expect(await dumpDatabase(database)).not.toContain(person.idNumber);

    // Withdrawn, the next save with the number is refused again (the page then leaves it out).
    expect((await client.post('/api/site/consents/sensitive_pi', { decision: 'withdraw', version })).statusCode).toBe(200);
    expect((await client.put('/api/site/drafts/schengen-visa', { data: withId })).json().code).toBe('sensitive_pi_consent_required');
  });

  it('R-POL-4 guests have no drafts; a draft is a form, not a file; unknown products are not found', async () => {
    const guest = await new TestClient(app).start();
    expect((await guest.post('/api/site/auth/guest')).statusCode).toBe(200);
    expect((await guest.put('/api/site/drafts/schengen-visa', { data: formOf() })).statusCode).toBe(401);
    expect((await guest.get('/api/site/drafts')).statusCode).toBe(401);

    const { client } = await signedInCustomer(app, sms);
    const huge = await client.put('/api/site/drafts/schengen-visa', { data: { note: 'x'.repeat(MAX_DRAFT_CHARACTERS) } });
    expect(huge.statusCode).toBe(413);
    expect((await client.put('/api/site/drafts/no-such-product', { data: formOf() })).statusCode).toBe(404);
    // Keys named like properties of every object are data, not lookups (the body parser refuses __proto__ itself).
    expect((await client.put('/api/site/drafts/schengen-visa', { data: { constructor: { number: '1' }, toString: 'x', hasOwnProperty: [] } })).statusCode).toBe(200);
  });

  it('R-POL-4 the order takes the draft away, and a save that arrives after it (a late autosave) does not bring it back', async () => {
    const { client } = await signedInCustomer(app, sms);
    const sale = await startSale(client, 'schengen-visa');
    const form = formOf();
    expect((await client.put('/api/site/drafts/schengen-visa', { data: form, saleId: sale.saleId })).statusCode).toBe(200);
    expect((await client.get('/api/site/drafts')).json().drafts).toHaveLength(1);

    await readAndConfirm(client, sale.saleId, [...sale.steps, 'authorisation', 'confirmation']);
    const ordered = await client.post('/api/site/orders', { saleId: sale.saleId, idempotencyKey: randomUUID(), application: schengenApplication(), consents: allConsents(sale.consents) });
    expect(ordered.statusCode, ordered.body).toBe(201);
    expect((await client.get('/api/site/drafts')).json().drafts).toEqual([]);

    const late = await client.put('/api/site/drafts/schengen-visa', { data: form, saleId: sale.saleId });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('application_already_submitted');
    expect((await client.get('/api/site/drafts')).json().drafts).toEqual([]);

    // Another sale of the same product (buying it again) keeps its draft as usual; a sale of someone else is not found.
    const next = await startSale(client, 'schengen-visa');
    expect((await client.put('/api/site/drafts/schengen-visa', { data: form, saleId: next.saleId })).statusCode).toBe(200);
    const stranger = await signedInCustomer(app, sms);
    expect((await stranger.client.put('/api/site/drafts/schengen-visa', { data: form, saleId: next.saleId })).json().code).toBe('sale_not_found');
  });
});
