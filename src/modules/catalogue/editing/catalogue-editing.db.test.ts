import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderAwaitingPayment } from '../../../../test/support/factories/order.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { systemCtx, type Ctx } from '../../../privacy/access/context.ts';
import { auditLog } from '../../../privacy/audit/schema.ts';
import { ephemeralKeyring } from '../../../privacy/crypto/keyring.ts';
import type { StaffRole } from '../../staff/roles.ts';
import { ensureDemoCatalogue } from '../demo/ensure-demo-catalogue.ts';
import { getProductForStaff } from '../get-product-for-staff.ts';
import { getPublishedProduct } from '../get-product.ts';
import { quotePlan } from '../quote-plan.ts';
import type { TripRating } from '../rating/rating-table.ts';
import { productDocuments, products, ratingTables } from '../schema.ts';
import { setProductStatus } from '../set-product-status.ts';
import { addDocumentVersion } from './add-document-version.ts';
import { addRatingVersion } from './add-rating-version.ts';
import { copyProduct } from './copy-product.ts';
import { getDocumentVersion } from './get-document-version.ts';
import { savePlans, type PlanInput } from './save-plans.ts';
import { TERMS_FIELDS, updateProductTerms, type ProductTerms } from './update-product-terms.ts';

let database: TestDatabase;
const staffCtx = (role: StaffRole, id = 'stf_ops'): Ctx => ({ ...systemCtx('test', 'purchase'), actor: { type: 'staff', id, roles: [role] } });
const operations = staffCtx('operations');
const zh = 'zh-CN' as const;

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDemoCatalogue(database.db);
  // domestic-travel is sold: one order awaiting payment, made the way the site makes one.
  await orderAwaitingPayment({ db: database.db, keyring: ephemeralKeyring() });
});
afterAll(() => database.close());

const detail = (code: string) => getProductForStaff(operations, database.db, code);
const auditOf = async (code: string) => {
  const [product] = await database.db.select({ id: products.id }).from(products).where(eq(products.code, code));
  return database.db.select().from(auditLog).where(eq(auditLog.record, `products/${product?.id}`)).orderBy(asc(auditLog.at));
};
const termsOf = (product: Awaited<ReturnType<typeof detail>>['product']): ProductTerms => structuredClone(Object.fromEntries(TERMS_FIELDS.map((field) => [field, product[field]])) as ProductTerms);
const plansOf = (product: Awaited<ReturnType<typeof detail>>['product']): PlanInput[] =>
  product.plans.map((plan) => ({
    code: plan.code,
    nameZh: plan.nameZh,
    nameEn: plan.nameEn,
    schengenCompliant: plan.schengenCompliant,
    coverages: plan.coverages.map(({ item, itemZh, itemEn, detailZh, detailEn, sumInsuredFen, deductibleFen }) => ({ item, itemZh, itemEn, detailZh, detailEn, sumInsuredFen, deductibleFen })),
  }));

describe('editing the catalogue in the console', () => {
  it('R-POL-1 a document edit writes a new version with its hash, keeps the old one, and the site shows it at once', async () => {
    const before = await getPublishedProduct(database.db, 'asia-easy');
    const notice = before.documents.find((document) => document.kind === 'purchase_notice');
    if (!notice) throw new Error('no purchase notice');
    const edited = { kind: 'purchase_notice' as const, titleZh: notice.titleZh, titleEn: notice.titleEn, bodyZh: `${notice.bodyZh}\n\n新增：出行前请确认护照有效期。`, bodyEn: notice.bodyEn, questions: null };

    const written = await addDocumentVersion(operations, database.db, { code: 'asia-easy', document: edited, language: zh });
    expect(written.version).toBe(notice.version + 1);
    expect(written.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(written.textHash).not.toBe(notice.textHash);
    // The cached site catalogue was dropped: the product page serves the new version.
    const after = await getPublishedProduct(database.db, 'asia-easy');
    expect(after.documents.find((document) => document.kind === 'purchase_notice')).toMatchObject({ version: written.version, textHash: written.textHash, bodyZh: edited.bodyZh });
    // The old version is there, unchanged, for the sales that recorded its hash.
    const old = await getDocumentVersion(operations, database.db, { code: 'asia-easy', kind: 'purchase_notice', version: notice.version });
    expect(old).toMatchObject({ bodyZh: notice.bodyZh, textHash: notice.textHash });
    // The same text again writes nothing.
    expect(await addDocumentVersion(operations, database.db, { code: 'asia-easy', document: edited, language: zh })).toEqual(written);
    const history = (await detail('asia-easy')).documentHistory.filter((row) => row.kind === 'purchase_notice');
    expect(history.map((row) => row.version)).toEqual([written.version, notice.version]);
    expect(history[0]?.createdBy).toBe('stf_ops');
    expect((await auditOf('asia-easy')).map((entry) => [entry.action, entry.actorId, entry.fields])).toEqual([['update', 'stf_ops', ['documents.purchase_notice']]]);
  });

  it('R-POL-1 documents are refused with every problem at once, in the staff member’s language: empty texts, repeated question ids', async () => {
    const health = { kind: 'health_declaration' as const, titleZh: '健康告知', titleEn: '', bodyZh: '请如实告知。', bodyEn: 'Please answer truthfully.', questions: [{ id: 'heart', zh: '是否患有心脏病？', en: 'Heart disease?' }, { id: 'heart', zh: '', en: 'Again?' }] };
    const refused = addDocumentVersion(operations, database.db, { code: 'million-medical', document: health, language: 'en' });
    await expect(refused).rejects.toMatchObject({ code: 'catalogue_edit_invalid', errors: expect.arrayContaining([{ pointer: '/titleEn', detail: 'Required' }, { pointer: '/questions/1', detail: '“heart” appears twice' }, { pointer: '/questions/1/zh', detail: 'Required' }]) });
    expect((await detail('million-medical')).documentHistory.filter((row) => row.kind === 'health_declaration')).toHaveLength(1);
  });

  it('R-POL-3 a rating table edit is a new version; a table with a gap is refused with pointers; quotes price from the new one', async () => {
    const product = (await detail('schengen-visa')).product;
    const table = product.rating?.definition as TripRating;
    const raised = structuredClone(table);
    const grid = raised.premiums.standard?.schengen as number[][];
    for (const row of grid) for (let age = 0; age < row.length; age += 1) row[age] = (row[age] ?? 0) + 100;
    // The premium plan must stay at least as dear as standard in every cell.
    for (const [day, row] of (raised.premiums.premium?.schengen as number[][]).entries()) for (let age = 0; age < row.length; age += 1) row[age] = Math.max(row[age] ?? 0, grid[day]?.[age] ?? 0);

    const written = await addRatingVersion(operations, database.db, { code: 'schengen-visa', table: raised, language: zh });
    expect(written.version).toBe(2);
    const quote = await quotePlan(database.db, { product: 'schengen-visa', plan: 'standard', destinations: ['FR'], days: 10, ages: [30] }, new Date());
    expect(quote).toMatchObject({ ratingVersion: 2, ratingHash: written.contentHash, totalFen: 4600 + 100 });

    const gap = structuredClone(raised);
    gap.dayBands[1] = { min: (gap.dayBands[1]?.min ?? 0) + 1, max: gap.dayBands[1]?.max ?? 0 };
    await expect(addRatingVersion(operations, database.db, { code: 'schengen-visa', table: gap, language: zh })).rejects.toMatchObject({ code: 'catalogue_edit_invalid', errors: [{ pointer: '/rating/dayBands/1', detail: '应从 4 开始，且不小于起点' }] });
    await expect(addRatingVersion(operations, database.db, { code: 'schengen-visa', table: { basis: 'trip' }, language: 'en' })).rejects.toMatchObject({ code: 'catalogue_edit_invalid' });
    const versions = await database.db.select({ version: ratingTables.version, definition: ratingTables.definition }).from(ratingTables).where(eq(ratingTables.productId, product.id)).orderBy(asc(ratingTables.version));
    expect(versions.map((row) => row.version)).toEqual([1, 2]);
    expect(versions[0]?.definition).toEqual(table);
  });

  it('R-POL-1 a sold product keeps its terms, plans and coverage; its summary, documents and rating table still change', async () => {
    const sold = await detail('domestic-travel');
    expect(sold.isSold).toBe(true);
    const terms = termsOf(sold.product);
    await expect(updateProductTerms(operations, database.db, { code: 'domestic-travel', terms: { ...terms, coolingOffDays: 10, nameZh: '改名' }, language: zh })).rejects.toMatchObject({
      code: 'product_sold_terms_frozen',
      errors: [
        { pointer: '/nameZh', detail: '已售产品不可修改' },
        { pointer: '/coolingOffDays', detail: '已售产品不可修改' },
      ],
    });
    const plans = plansOf(sold.product);
    (plans[0]?.coverages[0] as { sumInsuredFen: number }).sumInsuredFen += 100_00;
    await expect(savePlans(operations, database.db, { code: 'domestic-travel', plans, language: zh })).rejects.toMatchObject({ code: 'product_sold_terms_frozen' });

    await updateProductTerms(operations, database.db, { code: 'domestic-travel', terms: { ...terms, summaryZh: '新的简介', sortOrder: 1 }, language: zh });
    const after = await detail('domestic-travel');
    expect(after.product).toMatchObject({ summaryZh: '新的简介', sortOrder: 1, nameZh: sold.product.nameZh, coolingOffDays: sold.product.coolingOffDays });
    expect(after.product.plans).toEqual(sold.product.plans);
  });

  it('R-POL-1 a product on sale stays sellable: an edit that would leave it unpublishable is refused, a sound one is saved', async () => {
    const { product } = await detail('europe-discovery');
    const terms = termsOf(product);
    // Asking an occupation the rating table does not price would fail the publishing checks.
    await expect(updateProductTerms(operations, database.db, { code: 'europe-discovery', terms: { ...terms, insuredFields: [...terms.insuredFields, 'occupation'] }, language: zh })).rejects.toMatchObject({
      code: 'product_edit_unpublishable',
      errors: [{ pointer: '/insuredFields', detail: '按职业类别计价时须要求职业，否则不得要求' }],
    });
    await expect(updateProductTerms(operations, database.db, { code: 'europe-discovery', terms: { ...terms, minAge: 90, maxAge: 20 }, language: 'en' })).rejects.toMatchObject({
      code: 'catalogue_edit_invalid',
      errors: [
        { pointer: '/maxAge', detail: 'Cannot be below the minimum age' },
      ],
    });
    await updateProductTerms(operations, database.db, { code: 'europe-discovery', terms: { ...terms, coolingOffDays: 3, nameZh: '欧洲深度游保险' }, language: zh });
    expect((await getPublishedProduct(database.db, 'europe-discovery')).product).toMatchObject({ coolingOffDays: 3, nameZh: '欧洲深度游保险' });
    expect((await auditOf('europe-discovery')).at(-1)?.fields).toEqual(['nameZh', 'coolingOffDays']);
  });

  it('R-POL-1 copy as new product: an independent draft with version 1 of the documents and rating table, edited freely', async () => {
    const source = await detail('domestic-travel');
    await copyProduct(operations, database.db, { code: 'domestic-travel', newCode: 'domestic-travel-2027', language: zh });
    const copy = await detail('domestic-travel-2027');
    expect(copy.product).toMatchObject({ status: 'draft', nameZh: source.product.nameZh, coolingOffDays: source.product.coolingOffDays });
    expect(copy.isSold).toBe(false);
    expect(copy.documents.map((document) => [document.kind, document.version, document.textHash])).toEqual(source.documents.map((document) => [document.kind, 1, document.textHash]));
    expect(copy.ratingHistory.map((row) => [row.version, row.contentHash])).toEqual([[1, source.product.rating?.contentHash]]);
    expect(copy.problems).toEqual([]);

    const plans = plansOf(copy.product);
    (plans[0]?.coverages[0] as { sumInsuredFen: number }).sumInsuredFen += 100_00;
    await savePlans(operations, database.db, { code: 'domestic-travel-2027', plans, language: zh });
    await updateProductTerms(operations, database.db, { code: 'domestic-travel-2027', terms: { ...termsOf(copy.product), coolingOffDays: 7 }, language: zh });
    const edited = await detail('domestic-travel-2027');
    expect(edited.product.plans[0]?.coverages[0]?.sumInsuredFen).toBe((source.product.plans[0]?.coverages[0]?.sumInsuredFen ?? 0) + 100_00);
    expect(edited.product.coolingOffDays).toBe(7);
    // The source is as it was sold.
    const unchanged = await detail('domestic-travel');
    expect(unchanged.product.plans).toEqual(source.product.plans);
    expect(unchanged.product.coolingOffDays).toBe(source.product.coolingOffDays);

    await setProductStatus(operations, database.db, { code: 'domestic-travel-2027', status: 'published' });
    expect((await getPublishedProduct(database.db, 'domestic-travel-2027')).product.coolingOffDays).toBe(7);

    await expect(copyProduct(operations, database.db, { code: 'asia-easy', newCode: 'domestic-travel-2027', language: zh })).rejects.toMatchObject({ code: 'product_code_taken' });
    await expect(copyProduct(operations, database.db, { code: 'asia-easy', newCode: 'Bad Code', language: 'en' })).rejects.toMatchObject({ code: 'catalogue_edit_invalid', errors: [{ pointer: '/newCode', detail: expect.stringContaining('Lower-case') }] });
    const audit = await auditOf('domestic-travel-2027');
    expect(audit[0]).toMatchObject({ action: 'create', actorId: 'stf_ops', fields: expect.arrayContaining([`copied_from:products/${source.product.id}`]) });
    expect(audit.slice(1).map((entry) => entry.fields[0])).toEqual(['plans', 'coolingOffDays', 'status']);
  });

  it('R-POL-1 plans of an unsold draft are added, renamed, reordered and removed; problems are pointed at per cell', async () => {
    await copyProduct(operations, database.db, { code: 'asia-easy', newCode: 'asia-easy-plans', language: zh });
    const { product } = await detail('asia-easy-plans');
    const plans = plansOf(product);
    const bad = structuredClone(plans);
    (bad[0]?.coverages[0] as { deductibleFen: number }).deductibleFen = 10 ** 12;
    (bad[1] as { code: string }).code = bad[0]?.code ?? '';
    await expect(savePlans(operations, database.db, { code: 'asia-easy-plans', plans: bad, language: zh })).rejects.toMatchObject({
      code: 'catalogue_edit_invalid',
      errors: expect.arrayContaining([{ pointer: '/plans/1', detail: expect.stringContaining('重复') }, { pointer: '/plans/0/coverages/0/deductibleFen', detail: expect.any(String) }]),
    });

    const [lowest] = plans;
    const renamed = [{ ...(lowest as PlanInput), nameZh: '经济型' }];
    await savePlans(operations, database.db, { code: 'asia-easy-plans', plans: renamed, language: zh });
    const after = await detail('asia-easy-plans');
    expect(after.product.plans.map((plan) => [plan.code, plan.level, plan.nameZh])).toEqual([[lowest?.code, 1, '经济型']]);
    // The rating table still prices the removed plans: the draft shows it, and saving a table must match the plans.
    expect(after.problems.map((problem) => problem.pointer)).toContain('/rating/premiums');
  });

  it('only operations edit the catalogue; other staff may look but are refused, and nothing changes', async () => {
    const auditor = staffCtx('auditor', 'stf_aud');
    const { product, documents } = await detail('accident-plus');
    const terms = documents.find((document) => document.kind === 'terms');
    await expect(updateProductTerms(auditor, database.db, { code: 'accident-plus', terms: { ...termsOf(product), sortOrder: 2 }, language: zh })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addDocumentVersion(staffCtx('compliance_officer'), database.db, { code: 'accident-plus', document: { ...(terms as NonNullable<typeof terms>), questions: null, bodyZh: 'x' }, language: zh })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(copyProduct(auditor, database.db, { code: 'accident-plus', newCode: 'accident-copy', language: zh })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addRatingVersion(systemCtx('job', 'purchase'), database.db, { code: 'accident-plus', table: product.rating?.definition, language: zh })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await getDocumentVersion(auditor, database.db, { code: 'accident-plus', kind: 'terms', version: 1 })).toMatchObject({ textHash: terms?.textHash });
    const versions = await database.db.select({ version: productDocuments.version }).from(productDocuments).where(and(eq(productDocuments.productId, product.id), eq(productDocuments.kind, 'terms')));
    expect(versions).toEqual([{ version: 1 }]);
    expect(await auditOf('accident-plus')).toEqual([]);
  });
});
