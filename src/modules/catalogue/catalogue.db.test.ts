import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { columnCatalogue } from '../../privacy/catalogue/classify.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { countSearchKeyword } from './count-search-keyword.ts';
import { ensureDemoCatalogue } from './demo/ensure-demo-catalogue.ts';
import { getPublishedProduct } from './get-product.ts';
import { listCatalogueForStaff } from './list-catalogue-for-staff.ts';
import { listProducts } from './list-products.ts';
import { quotePlan } from './quote-plan.ts';
import { planCoverages, productDocuments, products, ratingTables, searchKeywords } from './schema.ts';

let database: TestDatabase;
const operations = { ...systemCtx('test', 'purchase'), actor: { type: 'staff' as const, id: 'stf_test', roles: ['operations' as const] } };

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDemoCatalogue(database.db);
});
afterAll(() => database.close());

const codesOf = async (filters: Parameters<typeof listProducts>[1]) => (await listProducts(database.db, { refine: true, ...filters })).map(({ product }) => product.code);

describe('product catalogue in the database', () => {
  it('R-POL-1 the demo seed adds 3 insurers and 9 products of every type, all ready to sell, and a second run adds nothing', async () => {
    // Every embedded start runs it: with the catalogue there, it only counts (no transaction, no inserts).
    const transaction = vi.spyOn(database.db, 'transaction');
    expect(await ensureDemoCatalogue(database.db)).toBe(0);
    expect(transaction).not.toHaveBeenCalled();
    transaction.mockRestore();
    const entries = await listCatalogueForStaff(operations, database.db);
    expect(entries).toHaveLength(9);
    expect(new Set(entries.map(({ product }) => product.insurer.code))).toEqual(new Set(['haiyan', 'chengchuan', 'yunfan']));
    expect(new Set(entries.map(({ product }) => product.type))).toEqual(new Set(['outbound_travel', 'domestic_travel', 'accident', 'short_term_medical', 'annual_multi_trip']));
    for (const { product, problems } of entries) {
      expect(problems, product.code).toEqual([]);
      expect(product.status).toBe('published');
    }
    const [{ count }] = (await database.db.select({ count: sql<number>`count(*)::int` }).from(products)) as [{ count: number }];
    expect(count).toBe(9);
  });

  it('R-POL-1 the Schengen product meets the visa rules: ≥ ¥240,000 medical without deductible, repatriation, the whole stay', async () => {
    const { product, documents } = await getPublishedProduct(database.db, 'schengen-visa');
    expect(product.plans.length).toBeGreaterThanOrEqual(2);
    for (const plan of product.plans) {
      expect(plan.schengenCompliant).toBe(true);
      const medical = plan.coverages.find((row) => row.item === 'medical');
      expect(medical?.sumInsuredFen).toBeGreaterThanOrEqual(240_000_00);
      expect(medical?.deductibleFen).toBe(0);
      expect(plan.coverages.find((row) => row.item === 'repatriation')?.sumInsuredFen).toBeGreaterThan(0);
    }
    expect(documents.map((document) => document.kind)).toEqual(['terms', 'purchase_notice', 'exclusions']);
    expect(documents.find((document) => document.kind === 'terms')?.bodyZh).toContain('须覆盖在申根区域的全部停留期间');
    expect(documents.every((document) => /^[0-9a-f]{64}$/.test(document.textHash))).toBe(true);
  });

  it('R-POL-1 data minimisation: a passport only for travel abroad, health questions only where the product needs them', async () => {
    const catalogue = await listCatalogueForStaff(operations, database.db);
    for (const { product } of catalogue) {
      const abroad = product.type === 'outbound_travel' || product.type === 'annual_multi_trip';
      expect(product.insuredFields.includes('passport_number'), product.code).toBe(abroad);
      expect(product.policyholderFields).not.toContain('passport_number');
    }
    const medical = await getPublishedProduct(database.db, 'million-medical');
    expect(medical.documents.find((document) => document.kind === 'health_declaration')?.questions?.length).toBeGreaterThanOrEqual(3);
    expect((await getPublishedProduct(database.db, 'accident-plus')).documents.some((document) => document.kind === 'health_declaration')).toBe(false);
    // Accident cover for people up to 80 asks what makes injuries likely, not the medical product's illnesses.
    const senior = await getPublishedProduct(database.db, 'senior-accident');
    expect(senior.product.insuredFields).toContain('health_declaration');
    const seniorQuestions = senior.documents.find((document) => document.kind === 'health_declaration')?.questions ?? [];
    expect(seniorQuestions.length).toBeGreaterThanOrEqual(3);
    expect(seniorQuestions.every((question) => question.zh.endsWith('？') && question.en.endsWith('?'))).toBe(true);
    expect(seniorQuestions.map((question) => question.id)).not.toContain('abnormal_results');
  });

  it('R-POL-1 R-POL-3 published document and rating-table versions cannot be changed or deleted, even in SQL', async () => {
    const [document] = await database.db.select({ id: productDocuments.id }).from(productDocuments).limit(1);
    await expect(database.db.update(productDocuments).set({ bodyZh: '改过' }).where(eq(productDocuments.id, (document as { id: string }).id))).rejects.toThrow();
    await expect(database.db.delete(productDocuments).where(eq(productDocuments.id, (document as { id: string }).id))).rejects.toThrow();
    const [rating] = await database.db.select({ id: ratingTables.id }).from(ratingTables).limit(1);
    await expect(database.db.update(ratingTables).set({ contentHash: 'x' }).where(eq(ratingTables.id, (rating as { id: string }).id))).rejects.toThrow();
  });

  it('R-POL-1 filters by type, destination, trip days, ages and a price ceiling for the trip', async () => {
    expect(await codesOf({ type: 'accident' })).toEqual(['accident-plus', 'senior-accident']);
    const toFrance = await codesOf({ destination: 'FR' });
    expect(toFrance).toEqual(expect.arrayContaining(['schengen-visa', 'europe-discovery', 'global-explorer', 'annual-multi-trip']));
    expect(toFrance).not.toContain('asia-easy');
    expect(toFrance).not.toContain('domestic-travel');
    expect(await codesOf({ type: 'outbound_travel', destination: 'JP', days: 45 })).toEqual(['global-explorer']);
    expect(await codesOf({ type: 'accident', ages: [70] })).toEqual(['senior-accident']);
    const tenDays = await listProducts(database.db, { type: 'outbound_travel', destination: 'FR', days: 10, ages: [30, 30], refine: true });
    const cheapest = Math.min(...tenDays.map((entry) => entry.fromPriceFen ?? Infinity));
    expect(await codesOf({ type: 'outbound_travel', destination: 'FR', days: 10, ages: [30, 30], maxPriceFen: cheapest })).toHaveLength(tenDays.filter((entry) => entry.fromPriceFen === cheapest).length);
    expect(await codesOf({ type: 'outbound_travel', destination: 'FR', days: 10, ages: [30, 30], maxPriceFen: cheapest - 1 })).toEqual([]);
  });

  it('R-POL-1 searches names, insurers, coverage and destinations by keyword', async () => {
    expect(await codesOf({ q: '申根' })).toEqual(expect.arrayContaining(['schengen-visa']));
    expect(await codesOf({ q: 'SCHENGEN' })).toContain('schengen-visa');
    expect(await codesOf({ q: '云帆' })).toEqual(['accident-plus', 'senior-accident', 'million-medical']);
    expect(await codesOf({ q: '日本' })).toEqual(expect.arrayContaining(['global-explorer', 'asia-easy', 'annual-multi-trip']));
    expect(await codesOf({ q: '日本' })).not.toContain('schengen-visa');
    expect(await codesOf({ q: '没有这种保险' })).toEqual([]);
  });

  it('R-POL-2 search keywords are counted per day in a table of keyword, day and count only — nothing about who searched', async () => {
    const columns = await database.query<{ column_name: string }>(`select column_name from information_schema.columns where table_schema = 'public' and table_name = 'search_keywords' order by column_name`);
    expect(columns.map((row) => row.column_name)).toEqual(['count', 'day', 'keyword']);
    expect([...(columnCatalogue.get('search_keywords')?.values() ?? [])].every((column) => column.kind === 'not_personal')).toBe(true);

    const now = new Date('2026-03-01T02:00:00Z');
    for (let i = 0; i < 3; i += 1) await countSearchKeyword(database.db, '  滑雪 ', now);
    await countSearchKeyword(database.db, '滑雪', new Date('2026-03-02T02:00:00Z'));
    const rows = await database.db.select().from(searchKeywords).where(eq(searchKeywords.keyword, '滑雪')).orderBy(searchKeywords.day);
    expect(rows).toEqual([
      { keyword: '滑雪', day: '2026-03-01', count: 3 },
      { keyword: '滑雪', day: '2026-03-02', count: 1 },
    ]);
  });

  it('R-POL-2 keywords shaped like personal information are never stored', async () => {
    const personal = ['13812345678', '110101199003071234', 'E12345678', 'someone@example.cn', '订单 123456789'];
    for (const keyword of personal) expect(await countSearchKeyword(database.db, keyword), keyword).toBe(false);
    const stored = (await database.db.select({ keyword: searchKeywords.keyword }).from(searchKeywords)).map((row) => row.keyword);
    for (const keyword of personal) expect(stored).not.toContain(keyword.toLowerCase());
  });

  it('R-POL-3 a quote from dates counts both days, refuses a departure in the past, and stores nothing', async () => {
    const before = await database.query<{ n: number }>('select count(*)::int as n from search_keywords');
    const now = new Date('2026-05-01T08:00:00Z');
    const byDates = await quotePlan(database.db, { product: 'schengen-visa', plan: 'standard', destinations: ['FR'], startDate: '2026-06-01', endDate: '2026-06-10', ages: [30] }, now);
    const byDays = await quotePlan(database.db, { product: 'schengen-visa', plan: 'standard', destinations: ['FR'], days: 10, ages: [30] }, now);
    expect(byDates).toEqual(byDays);
    await expect(quotePlan(database.db, { product: 'schengen-visa', plan: 'standard', destinations: ['FR'], startDate: '2026-04-30', endDate: '2026-05-03', ages: [30] }, now)).rejects.toMatchObject({ code: 'quote_dates_invalid' });
    await expect(quotePlan(database.db, { product: 'schengen-visa', plan: 'standard', destinations: ['FR'], startDate: '2026-06-10', endDate: '2026-06-01', ages: [30] }, now)).rejects.toMatchObject({ code: 'quote_dates_invalid' });
    await expect(quotePlan(database.db, { product: 'schengen-visa', plan: 'standard', destinations: ['FR'], startDate: '2026-02-30', endDate: '2026-03-03', ages: [30] }, now)).rejects.toMatchObject({ code: 'quote_dates_invalid' });
    expect(await database.query<{ n: number }>('select count(*)::int as n from search_keywords')).toEqual(before);
    const coverageRows = await database.db.select({ n: sql<number>`count(*)::int` }).from(planCoverages);
    expect(coverageRows[0]?.n).toBeGreaterThan(40);
  });
});
