import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/types.ts';
import type { Language } from '../../../errors/error-codes.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { newId } from '../../../shared/ids.ts';
import type { CoverageDefinition } from '../import-product.ts';
import type { PlanWithCoverage } from '../load-catalogue.ts';
import { planCoverages, plans } from '../schema.ts';
import { EditProblems, soldTermsFrozen } from './edit-problems.ts';
import { editProduct } from './edit-product.ts';

/** A coverage row as the editor sends it: every field given. */
export type CoverageInput = Required<CoverageDefinition>;

export interface PlanInput {
  code: string;
  nameZh: string;
  nameEn: string;
  schengenCompliant: boolean;
  /** In display order. */
  coverages: CoverageInput[];
}

const PLAN_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;
// ¥1,000,000,000: above any sum insured a travel, accident or medical product carries.
const MAX_AMOUNT_FEN = 100_000_000_000;

/**
 * Replaces a product's plans and their coverage tables (方案与保障, R-POL-1), lowest level first: the
 * order given is the level order; plans may be added, renamed, reordered or removed. Refused for a
 * sold product (product_sold_terms_frozen): orders point at its plans, and policies print the plan
 * names and coverage rows live. Because nothing was sold, nothing refers to the rows, so they are
 * written afresh (new ids); the rating table still names plans by code, and publishing (or an edit
 * of a product on sale) checks the two agree.
 */
export async function savePlans(ctx: Ctx, db: Db, input: { code: string; plans: PlanInput[]; language: Language }): Promise<void> {
  await editProduct(ctx, db, input, async (tx, { product, isSold }) => {
    const problems = plansProblems(input.plans, input.language);
    problems.refuseIfAny(`Plans of ${product.code}`);
    if (samePlans(product.plans, input.plans)) return { fields: [], result: undefined };
    if (isSold) throw soldTermsFrozen(`Plans of sold product ${product.code}`, ['/plans'], input.language);

    const oldPlanIds = product.plans.map((plan) => plan.id);
    if (oldPlanIds.length > 0) {
      await tx.delete(planCoverages).where(inArray(planCoverages.planId, oldPlanIds));
      await tx.delete(plans).where(eq(plans.productId, product.id));
    }
    for (const [index, plan] of input.plans.entries()) {
      const planId = newId('pln');
      await tx.insert(plans).values({ id: planId, productId: product.id, code: plan.code, level: index + 1, nameZh: plan.nameZh, nameEn: plan.nameEn, schengenCompliant: plan.schengenCompliant });
      if (plan.coverages.length > 0) await tx.insert(planCoverages).values(plan.coverages.map((coverage, position) => ({ id: newId('cov'), planId, position, ...coverage })));
    }
    return { fields: ['plans', 'plan_coverages'], result: undefined };
  });
}

/** Every problem of the plans and coverage tables at once, pointed at by index. */
function plansProblems(input: readonly PlanInput[], language: Language): EditProblems {
  const problems = new EditProblems(language);
  if (input.length === 0) problems.say('/plans', '至少需要一个方案', 'At least one plan');
  if (input.length > 6) problems.say('/plans', '最多 6 个方案', 'At most 6 plans');
  problems.unique('/plans', input.map((plan) => plan.code));
  input.forEach((plan, index) => {
    const at = `/plans/${index}`;
    if (!PLAN_CODE.test(plan.code)) problems.say(`${at}/code`, '小写字母、数字和连字符，最多 32 个字符', 'Lower-case letters, digits and hyphens, at most 32 characters');
    problems.text(`${at}/nameZh`, plan.nameZh, 30);
    problems.text(`${at}/nameEn`, plan.nameEn, 60);
    if (plan.coverages.length === 0) problems.say(`${at}/coverages`, '至少需要一项保障', 'At least one coverage row');
    problems.unique(`${at}/coverages`, plan.coverages.map((coverage) => coverage.item));
    plan.coverages.forEach((coverage, row) => {
      const cell = `${at}/coverages/${row}`;
      problems.text(`${cell}/itemZh`, coverage.itemZh, 40);
      problems.text(`${cell}/itemEn`, coverage.itemEn, 80);
      problems.optionalText(`${cell}/detailZh`, coverage.detailZh, 200);
      problems.optionalText(`${cell}/detailEn`, coverage.detailEn, 400);
      problems.integer(`${cell}/sumInsuredFen`, coverage.sumInsuredFen, 0, MAX_AMOUNT_FEN);
      problems.integer(`${cell}/deductibleFen`, coverage.deductibleFen, 0, MAX_AMOUNT_FEN);
      if (coverage.deductibleFen > coverage.sumInsuredFen) problems.say(`${cell}/deductibleFen`, '免赔额不能高于保额', 'Cannot exceed the sum insured');
    });
  });
  return problems;
}

/** Whether the input says exactly what is stored (then nothing is written or audited). */
function samePlans(stored: readonly PlanWithCoverage[], input: readonly PlanInput[]): boolean {
  const shape = (plan: PlanInput) => JSON.stringify([plan.code, plan.nameZh, plan.nameEn, plan.schengenCompliant, plan.coverages.map((row) => [row.item, row.itemZh, row.itemEn, row.detailZh, row.detailEn, row.sumInsuredFen, row.deductibleFen])]);
  return stored.length === input.length && stored.every((plan, index) => shape(plan) === shape(input[index] as PlanInput));
}
