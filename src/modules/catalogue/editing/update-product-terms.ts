import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/types.ts';
import type { Language } from '../../../errors/error-codes.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { MARKETING_TERMS_FIELDS, PRODUCT_TERMS_FIELDS, type ProductTermsField } from '../../../shared/catalogue/terms.ts';
import type { ProductRow } from '../load-catalogue.ts';
import { products } from '../schema.ts';
import { EditProblems, soldTermsFrozen } from './edit-problems.ts';
import { editProduct } from './edit-product.ts';

export const TERMS_FIELDS = PRODUCT_TERMS_FIELDS satisfies ReadonlyArray<keyof ProductRow>;
export type ProductTerms = Pick<ProductRow, ProductTermsField>;

/**
 * Changes a product's terms (R-POL-1). Only the fields that differ are written and audited. A sold
 * product keeps every field but the marketing ones (product_sold_terms_frozen, naming the fields):
 * its policies print the live name and cooling-off days, so changing them would rewrite what was
 * sold — a new edition is a copy (copy-product.ts). A product on sale may be edited while on sale
 * when it stays ready to sell (edit-product.ts): a never-sold product has no buyer to protect yet.
 */
export async function updateProductTerms(ctx: Ctx, db: Db, input: { code: string; terms: ProductTerms; language: Language }): Promise<void> {
  await editProduct(ctx, db, input, async (tx, { product, isSold }) => {
    const problems = termsProblems(input.terms, product, input.language);
    problems.refuseIfAny(`Terms of ${product.code}`);
    const changed = TERMS_FIELDS.filter((field) => !sameValue(product[field], input.terms[field]));
    const frozen = isSold ? changed.filter((field) => !MARKETING_TERMS_FIELDS.includes(field)) : [];
    if (frozen.length > 0) throw soldTermsFrozen(`Terms of sold product ${product.code}: ${frozen.join(',')}`, frozen.map((field) => `/${field}`), input.language);
    if (changed.length === 0) return { fields: [], result: undefined };
    const values = Object.fromEntries(changed.map((field) => [field, input.terms[field]])) as Partial<ProductTerms>;
    await tx.update(products).set(values).where(eq(products.id, product.id));
    return { fields: changed, result: undefined };
  });
}

/** Every problem of the form at once, in the staff member's language. */
function termsProblems(terms: ProductTerms, product: Pick<ProductRow, 'type'>, language: Language): EditProblems {
  const problems = new EditProblems(language);
  problems.text('/nameZh', terms.nameZh, 60);
  problems.text('/nameEn', terms.nameEn, 120);
  problems.text('/summaryZh', terms.summaryZh, 300);
  problems.text('/summaryEn', terms.summaryEn, 600);
  if (terms.zones.length === 0) problems.say('/zones', '至少选择一个区域', 'Choose at least one zone');
  problems.unique('/zones', terms.zones);
  problems.integer('/minDays', terms.minDays, 1, 366);
  problems.integer('/maxDays', terms.maxDays, 1, 366);
  if (terms.minDays > terms.maxDays) problems.say('/maxDays', '不能小于最短天数', 'Cannot be below the minimum days');
  if (product.type === 'annual_multi_trip') {
    if (terms.maxTripDays === null) problems.say('/maxTripDays', '全年多次旅行险须填写单次行程最长天数', 'Annual multi-trip cover needs the longest single trip');
    else problems.integer('/maxTripDays', terms.maxTripDays, 1, 366);
  } else if (terms.maxTripDays !== null) problems.say('/maxTripDays', '仅用于全年多次旅行险', 'Only for annual multi-trip cover');
  problems.integer('/minAge', terms.minAge, 0, 100);
  problems.integer('/maxAge', terms.maxAge, 0, 100);
  if (terms.minAge > terms.maxAge) problems.say('/maxAge', '不能小于最低年龄', 'Cannot be below the minimum age');
  problems.integer('/maxInsured', terms.maxInsured, 1, 200);
  problems.integer('/coolingOffDays', terms.coolingOffDays, 0, 60);
  problems.integer('/sortOrder', terms.sortOrder, 0, 9999);
  if (!terms.policyholderFields.includes('name')) problems.say('/policyholderFields', '须包含姓名', 'Must include the name');
  if (!terms.insuredFields.includes('name')) problems.say('/insuredFields', '须包含姓名', 'Must include the name');
  problems.unique('/policyholderFields', terms.policyholderFields);
  problems.unique('/insuredFields', terms.insuredFields);
  return problems;
}

function sameValue(stored: unknown, given: unknown): boolean {
  return JSON.stringify(stored) === JSON.stringify(given);
}
