import { eq } from 'drizzle-orm';
import { inTransaction } from '../../../db/transaction.ts';
import type { Db } from '../../../db/types.ts';
import { AppError } from '../../../errors/app-error.ts';
import type { Language } from '../../../errors/error-codes.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { recordAudit } from '../../../privacy/audit/record-audit.ts';
import { authorizeStaff } from '../../staff/policies.ts';
import { importProduct, type ProductDefinition } from '../import-product.ts';
import { currentDocuments, loadCatalogue, type CatalogueProduct, type DocumentRow } from '../load-catalogue.ts';
import { catalogueChanged } from '../published-catalogue.ts';
import { products } from '../schema.ts';
import { EditProblems } from './edit-problems.ts';

// As the site's addresses take them (/products/<code>): the route's ProductCode pattern.
const PRODUCT_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * 复制为新产品 (R-POL-1): a new draft under a staff-given code with the source's terms, plans and
 * coverage, its documents in force and its rating table in force, each as version 1 of the copy.
 * This is how a sold product gets a new edition: the source stays as it was sold, the copy is
 * edited freely until it is sold in turn. The copy shares no row with the source. Audited on the
 * copy, naming the source.
 */
export async function copyProduct(ctx: Ctx, db: Db, input: { code: string; newCode: string; nameZh?: string; nameEn?: string; language: Language }): Promise<{ code: string }> {
  const staff = authorizeStaff(ctx.actor, 'catalogue.edit');
  const problems = new EditProblems(input.language);
  if (!PRODUCT_CODE.test(input.newCode)) problems.say('/newCode', '小写字母、数字和连字符，以字母或数字开头，最多 64 个字符', 'Lower-case letters, digits and hyphens, starting with a letter or digit, at most 64 characters');
  if (input.nameZh !== undefined) problems.text('/nameZh', input.nameZh, 60);
  if (input.nameEn !== undefined) problems.text('/nameEn', input.nameEn, 120);
  problems.refuseIfAny(`Copy of ${input.code}`);

  await inTransaction(db, async (tx) => {
    // An edit of the source in progress holds its row: the copy waits and copies what it committed.
    const [locked] = await tx.select({ id: products.id }).from(products).where(eq(products.code, input.code)).for('share');
    const [source] = locked ? await loadCatalogue(tx, { publishedOnly: false, code: input.code }) : [];
    if (!source) throw new AppError('not_found', 'No product with this code');
    const definition = definitionOf(source, await currentDocuments(tx, source.id), input);
    if (!(await importProduct(tx, definition, source.insurerId, staff.id))) throw new AppError('product_code_taken', `Product code ${input.newCode} taken`, { params: { code: input.newCode } });
    const [copy] = await tx.select({ id: products.id }).from(products).where(eq(products.code, input.newCode));
    await recordAudit(tx, ctx, { action: 'create', record: `products/${(copy as { id: string }).id}`, fields: ['products', 'plans', 'plan_coverages', 'product_documents', 'rating_tables', `copied_from:products/${source.id}`] });
  });
  // A draft is not on the site's cached catalogue; announced all the same, like every committed change.
  catalogueChanged();
  return { code: input.newCode };
}

function definitionOf(source: CatalogueProduct, documents: readonly DocumentRow[], input: { newCode: string; nameZh?: string; nameEn?: string }): ProductDefinition {
  if (!source.rating) throw new AppError('catalogue_edit_invalid', `Product ${source.code} has no rating table to copy`, { params: { count: 1 }, errors: [{ pointer: '/rating', detail: 'no rating table' }] });
  return {
    code: input.newCode,
    insurer: source.insurer.code,
    type: source.type,
    nameZh: input.nameZh ?? source.nameZh,
    nameEn: input.nameEn ?? source.nameEn,
    summaryZh: source.summaryZh,
    summaryEn: source.summaryEn,
    zones: [...source.zones],
    minDays: source.minDays,
    maxDays: source.maxDays,
    ...(source.maxTripDays === null ? {} : { maxTripDays: source.maxTripDays }),
    minAge: source.minAge,
    maxAge: source.maxAge,
    maxInsured: source.maxInsured,
    coolingOffDays: source.coolingOffDays,
    policyholderFields: [...source.policyholderFields],
    insuredFields: [...source.insuredFields],
    status: 'draft',
    sortOrder: source.sortOrder,
    plans: source.plans.map((plan) => ({
      code: plan.code,
      nameZh: plan.nameZh,
      nameEn: plan.nameEn,
      schengenCompliant: plan.schengenCompliant,
      coverages: plan.coverages.map(({ item, itemZh, itemEn, detailZh, detailEn, sumInsuredFen, deductibleFen }) => ({ item, itemZh, itemEn, detailZh, detailEn, sumInsuredFen, deductibleFen })),
    })),
    documents: documents.map(({ kind, titleZh, titleEn, bodyZh, bodyEn, questions }) => ({ kind, titleZh, titleEn, bodyZh, bodyEn, ...(questions ? { questions } : {}) })),
    rating: source.rating.definition,
  };
}
