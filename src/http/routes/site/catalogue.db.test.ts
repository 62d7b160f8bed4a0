import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../../test/support/http-client.ts';
import { signedInStaff } from '../../../../test/support/staff-session.ts';
import { useTestApp, type CapturedLog } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { ensureDemoCatalogue } from '../../../modules/catalogue/demo/ensure-demo-catalogue.ts';
import { demoProducts } from '../../../modules/catalogue/demo/products.ts';
import { importProduct } from '../../../modules/catalogue/import-product.ts';
import { insurers, searchKeywords } from '../../../modules/catalogue/schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
let log: CapturedLog;
useTestApp({}, (built) => ({ app, database, log } = built));
beforeAll(async () => {
  await ensureDemoCatalogue(database.db);
});

const visitor = async (language: 'zh-CN' | 'en' = 'zh-CN') => (await new TestClient(app).start()).speaks(language);
const schengenQuote = { product: 'schengen-visa', plan: 'standard', destinations: ['FR', 'DE'], days: 10, ages: [34, 36] };

describe('catalogue API for the site', () => {
  it('R-POL-1 lists published products with filters and a price for the trip described', async () => {
    const client = await visitor();
    const response = await client.get('/api/site/products?type=outbound_travel&destination=FR&days=10&ages=34&ages=36');
    expect(response.statusCode).toBe(200);
    const { products } = response.json() as { products: Array<{ code: string; fromPriceFen: number; schengenCompliant: boolean; insurer: { shortNameZh: string } }> };
    expect(products.map((product) => product.code)).toEqual(['schengen-visa', 'europe-discovery', 'global-explorer']);
    expect(products[0]).toMatchObject({ fromPriceFen: 9_200, schengenCompliant: true, insurer: { shortNameZh: '海晏财险' } });
    // Global Explorer's basic plan (not for visas) is the cheapest in its wider zone: ¥33 × 1.6 × 0.8 ≈ ¥42 each.
    expect(products[2]).toMatchObject({ fromPriceFen: 8_400 });
    const cheap = (await client.get('/api/site/products?type=outbound_travel&destination=FR&days=10&ages=34&ages=36&maxPriceFen=9199')).json();
    expect(cheap.products.map((product: { code: string }) => product.code)).toEqual(['global-explorer']);
    const unknown = await client.get('/api/site/products?destination=ZZ');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('quote_unknown_destination');
    expect(unknown.body).not.toContain('ZZ');
  });

  it('R-POL-1 a product page has the insurer, plans with coverage tables, the documents with their hashes and the rating basis', async () => {
    const response = await (await visitor()).get('/api/site/products/schengen-visa');
    expect(response.statusCode).toBe(200);
    const product = response.json();
    expect(product.insurer).toMatchObject({ fullNameZh: '海晏财产保险股份有限公司', licenceNumber: 'DEMO-000101', claimsHotline: '400-820-0199' });
    expect(product.plans.map((plan: { code: string }) => plan.code)).toEqual(['standard', 'premium']);
    expect(product.plans[0].coverages[0]).toMatchObject({ item: 'medical', sumInsuredFen: 30_000_000, deductibleFen: 0 });
    expect(product.documents.map((document: { kind: string }) => document.kind)).toEqual(['terms', 'purchase_notice', 'exclusions']);
    expect(product.documents[2].bodyZh).toContain('保险人不承担给付保险金的责任');
    expect(product.rating).toMatchObject({ version: 1, basis: 'trip', groupDiscounts: [{ minInsured: 5, bps: 500 }, { minInsured: 10, bps: 1000 }] });
    expect(product.insuredFields).toContain('passport_number');
    expect((await (await visitor()).get('/api/site/products/no-such-product')).statusCode).toBe(404);
  });

  it('R-POL-1 compares plans of different products with coverage aligned by item', async () => {
    const response = await (await visitor()).get('/api/site/plan-comparison?plans=schengen-visa:premium&plans=asia-easy:economy');
    expect(response.statusCode).toBe(200);
    const comparison = response.json();
    expect(comparison.plans.map((entry: { product: { code: string }; plan: { code: string } }) => `${entry.product.code}:${entry.plan.code}`)).toEqual(['schengen-visa:premium', 'asia-easy:economy']);
    const cancellation = comparison.rows.find((row: { item: string }) => row.item === 'trip_cancellation');
    expect(cancellation.cells[0]).toMatchObject({ sumInsuredFen: 500_000 });
    expect(cancellation.cells[1]).toBeNull();
    expect(comparison.rows[0].item).toBe('medical');
    expect((await (await visitor()).get('/api/site/plan-comparison?plans=schengen-visa:nope')).statusCode).toBe(404);
  });

  it('R-POL-3 quotes two travellers from destinations, days and ages; personal fields sent along are dropped and never logged', async () => {
    const client = await visitor();
    const response = await client.post('/api/site/quotes', { ...schengenQuote, name: '王小明', idNumber: '110101199003071234', passport: 'E12345678' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({ productCode: 'schengen-visa', planCode: 'standard', zone: 'schengen', days: 10, totalFen: 9_200, currency: 'CNY', ratingVersion: 1 });
    expect(response.json().ratingHash).toMatch(/^[0-9a-f]{64}$/);
    expect(response.body).not.toContain('王小明');
    for (const value of ['王小明', '110101199003071234', 'E12345678']) expect(log.text()).not.toContain(value);
    const byDates = await client.post('/api/site/quotes', { product: 'global-explorer', plan: 'basic', destinations: ['JP'], startDate: '2099-01-01', endDate: '2099-01-07', ages: [30] });
    expect(byDates.json()).toMatchObject({ days: 7, zone: 'asia' });
  });

  it('R-POL-3 out-of-range quotes answer specific errors in zh-CN and English, pointing at the field', async () => {
    const zh = await (await visitor('zh-CN')).post('/api/site/quotes', { ...schengenQuote, ages: [34, 85] });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'quote_age_out_of_range', title: '被保险人年龄不符', detail: '本产品承保 0 至 80 周岁的被保险人，第 2 位被保险人的年龄不在此范围内。' });
    expect(zh.json().errors).toEqual([{ pointer: '/body/ages/1', detail: '0–80' }]);
    const en = await (await visitor('en')).post('/api/site/quotes', { ...schengenQuote, days: 120 });
    expect(en.json()).toMatchObject({ code: 'quote_days_out_of_range', title: 'Trip length not covered', detail: 'This product covers trips of 1 to 92 days.' });
    expect(en.headers['content-language']).toBe('en');
    const unknownEn = await (await visitor('en')).post('/api/site/quotes', { ...schengenQuote, destinations: ['XX'] });
    // What was typed is never echoed: the pointer names the field.
    expect(unknownEn.json()).toMatchObject({ code: 'quote_unknown_destination', detail: 'A destination is not known. Please choose one from the list.', errors: [{ pointer: '/body/destinations/0', detail: 'unknown' }] });
    expect(unknownEn.body).not.toContain('XX');
    const notCovered = await (await visitor('zh-CN')).post('/api/site/quotes', { ...schengenQuote, destinations: ['JP'] });
    expect(notCovered.json()).toMatchObject({ code: 'quote_destination_not_covered', detail: '本产品不承保前往 JP 的行程，请选择其他产品。' });
    const noAges = await (await visitor('en')).post('/api/site/quotes', { ...schengenQuote, ages: [] });
    expect(noAges.statusCode).toBe(400);
    expect(noAges.json().code).toBe('validation_failed');
    const occupation = await (await visitor('zh-CN')).post('/api/site/quotes', { product: 'senior-accident', plan: 'standard', ages: [66], occupationClass: 4 });
    expect(occupation.json()).toMatchObject({ code: 'quote_occupation_not_covered', detail: '本产品仅承保 1 至 3 类职业，不承保 4 类职业。' });
  });

  it('R-POL-2 a search is counted once per search, without any link to the session or the person', async () => {
    const client = await visitor();
    const keyword = `滑雪${Date.now() % 1000}`;
    const auditBefore = await database.query<{ n: number }>('select count(*)::int as n from audit_log');
    await client.get(`/api/site/products?q=${encodeURIComponent(keyword)}`);
    await client.get(`/api/site/products?q=${encodeURIComponent(keyword)}&type=accident&refine=true`);
    await (await visitor()).get(`/api/site/products?q=${encodeURIComponent(` ${keyword} `)}`);
    const rows = await database.db.select().from(searchKeywords).where(sql`${searchKeywords.keyword} = ${keyword}`);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] as object).sort()).toEqual(['count', 'day', 'keyword']);
    expect(rows[0]?.count).toBe(2);
    expect(await database.query<{ n: number }>('select count(*)::int as n from audit_log')).toEqual(auditBefore);
    await (await visitor()).get('/api/site/products?q=13812345678');
    expect(await database.db.select().from(searchKeywords).where(sql`${searchKeywords.keyword} like '%13812345678%'`)).toEqual([]);
  });
});

describe('catalogue in the console', () => {
  it('R-POL-1 operations take a product off sale and put it back; the site follows; both audited', async () => {
    const { client: operations } = await signedInStaff(app, database.db, ['operations']);
    const list = await operations.get('/api/console/catalogue/products');
    expect(list.statusCode).toBe(200);
    expect(list.json().find((product: { code: string }) => product.code === 'asia-easy')).toMatchObject({ status: 'published', problems: [] });

    const off = await operations.put('/api/console/catalogue/products/asia-easy/status', { status: 'draft' });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ code: 'asia-easy', status: 'draft' });
    expect((await (await visitor()).get('/api/site/products/asia-easy')).statusCode).toBe(404);
    expect((await (await visitor()).get('/api/site/products')).json().products.map((product: { code: string }) => product.code)).not.toContain('asia-easy');
    expect((await (await visitor()).post('/api/site/quotes', { product: 'asia-easy', plan: 'economy', destinations: ['JP'], days: 5, ages: [30] })).statusCode).toBe(404);

    const on = await operations.put('/api/console/catalogue/products/asia-easy/status', { status: 'published' });
    expect(on.json()).toMatchObject({ status: 'published' });
    expect((await (await visitor()).get('/api/site/products/asia-easy')).statusCode).toBe(200);
    const audited = await database.query<{ n: number }>(`select count(*)::int as n from audit_log where record like 'products/%' and action = 'update'`);
    expect(audited[0]?.n).toBeGreaterThanOrEqual(2);

    const detail = (await operations.get('/api/console/catalogue/products/asia-easy')).json();
    expect(detail.ratingTable).toMatchObject({ basis: 'trip', zones: ['asia'] });
    expect(detail.documentHistory).toHaveLength(3);
    expect(detail.ratingHistory).toEqual([expect.objectContaining({ version: 1, createdBy: 'seed:demo-catalogue' })]);
  });

  it('R-POL-1 publishing an incomplete product is refused with what is missing', async () => {
    const [haiyan] = await database.db.select({ id: insurers.id }).from(insurers).where(sql`${insurers.code} = 'haiyan'`);
    const base = demoProducts.find((product) => product.code === 'schengen-visa');
    if (!base || !haiyan) throw new Error('seed missing');
    await importProduct(database.db, { ...base, code: 'incomplete-draft', status: 'draft', documents: base.documents.filter((document) => document.kind !== 'exclusions') }, haiyan.id, 'test');
    const { client: operations } = await signedInStaff(app, database.db, ['operations']);
    const refused = await (operations.speaks('en') as TestClient).put('/api/console/catalogue/products/incomplete-draft/status', { status: 'published' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'product_not_publishable', title: 'Product not ready to publish' });
    expect(refused.json().errors).toContainEqual({ pointer: '/documents/exclusions', detail: 'missing' });
    expect((await (await visitor()).get('/api/site/products/incomplete-draft')).statusCode).toBe(404);
  });

  it('R-POL-1 R-SEC-3 auditors may look but not publish; customer service may not look', async () => {
    const { client: auditor } = await signedInStaff(app, database.db, ['auditor']);
    expect((await auditor.get('/api/console/catalogue/products')).statusCode).toBe(200);
    expect((await auditor.put('/api/console/catalogue/products/asia-easy/status', { status: 'draft' })).statusCode).toBe(403);
    const { client: service } = await signedInStaff(app, database.db, ['customer_service']);
    expect((await service.get('/api/console/catalogue/products')).statusCode).toBe(403);
    expect((await (await visitor()).get('/api/console/catalogue/products')).statusCode).toBe(401);
  });

  it('R-POL-2 search statistics show only keywords searched at least three times', async () => {
    for (let i = 0; i < 3; i += 1) await (await visitor()).get('/api/site/products?q=%E6%BD%9C%E6%B0%B4');
    await (await visitor()).get('/api/site/products?q=once-only-keyword');
    const { client: operations } = await signedInStaff(app, database.db, ['operations']);
    const statistics = (await operations.get('/api/console/catalogue/search-keywords?days=7')).json() as Array<{ keyword: string; count: number }>;
    expect(statistics).toContainEqual({ keyword: '潜水', count: 3 });
    expect(statistics.map((row) => row.keyword)).not.toContain('once-only-keyword');
  });
});
