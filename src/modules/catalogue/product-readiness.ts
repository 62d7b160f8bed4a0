import type { FieldProblem } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import { DESTINATIONS, zoneContains } from '../../shared/catalogue/destinations.ts';
import { REQUIRED_DOCUMENT_KINDS, SCHENGEN_MIN_MEDICAL_FEN } from '../../shared/catalogue/terms.ts';
import type { CatalogueProduct, DocumentRow, PlanWithCoverage } from './load-catalogue.ts';
import { sayIn, type Say } from './in-language.ts';
import { checkRatingTable } from './rating/check-rating-table.ts';

const schengenDestinations = DESTINATIONS.filter((destination) => destination.region === 'schengen');
const travelsAbroad = new Set(['outbound_travel', 'annual_multi_trip']);

/**
 * What stops a product from being published (R-POL-1, R-POL-3): plans with coverage tables whose sums
 * insured rise with the plan level; a rating table consistent with the product's limits and plans;
 * the 条款, 投保须知 and 责任免除 (and a 健康告知 exactly when health is asked); only the applicant
 * fields the product needs; and Schengen flags that the cover really meets. Empty when ready.
 */
export function productReadinessProblems(product: CatalogueProduct, documents: readonly DocumentRow[], language: Language = 'en'): FieldProblem[] {
  const say = sayIn(language);
  const problems: FieldProblem[] = [];
  if (product.plans.length === 0) problems.push({ pointer: '/plans', detail: say('没有方案', 'no plan') });
  for (const plan of product.plans) if (plan.coverages.length === 0) problems.push({ pointer: `/plans/${plan.code}/coverages`, detail: say('没有保障项目', 'no coverage') });
  problems.push(...sumInsuredProblems(product.plans, say));

  if (!product.rating) problems.push({ pointer: '/rating', detail: say('没有费率表', 'no rating table') });
  else problems.push(...checkRatingTable(product.rating.definition, { ...product, planCodes: product.plans.map((plan) => plan.code) }, language));

  const kinds = new Set(documents.map((document) => document.kind));
  for (const kind of REQUIRED_DOCUMENT_KINDS) if (!kinds.has(kind)) problems.push({ pointer: `/documents/${kind}`, detail: say('缺少此文档', 'missing') });
  const asksHealth = product.insuredFields.includes('health_declaration');
  if (asksHealth !== kinds.has('health_declaration')) problems.push({ pointer: '/documents/health_declaration', detail: asksHealth ? say('缺少此文档', 'missing') : say('产品未要求健康告知', 'not asked by the product') });
  const healthDeclaration = documents.find((document) => document.kind === 'health_declaration');
  if (healthDeclaration && (healthDeclaration.questions?.length ?? 0) === 0) problems.push({ pointer: '/documents/health_declaration/questions', detail: say('没有问题', 'no question') });

  // Data minimisation: a passport only for travel abroad, an occupation only where it is rated.
  const fields = [...product.policyholderFields, ...product.insuredFields];
  if (!travelsAbroad.has(product.type) && fields.includes('passport_number')) problems.push({ pointer: '/insuredFields', detail: say('仅境外旅行可要求护照号码', 'passport_number only for travel abroad') });
  const ratesOccupation = product.rating?.definition.basis === 'occupation';
  if (ratesOccupation !== product.insuredFields.includes('occupation')) problems.push({ pointer: '/insuredFields', detail: say('按职业类别计价时须要求职业，否则不得要求', 'occupation exactly when rated by occupation class') });

  for (const plan of product.plans.filter((candidate) => candidate.schengenCompliant)) problems.push(...schengenProblems(product, plan, say));
  return problems;
}

/** Higher plans keep every item of the plan below with at least its sum insured. */
function sumInsuredProblems(plans: readonly PlanWithCoverage[], say: Say): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (let index = 1; index < plans.length; index += 1) {
    const lower = plans[index - 1] as PlanWithCoverage;
    const higher = plans[index] as PlanWithCoverage;
    for (const row of lower.coverages) {
      const match = higher.coverages.find((candidate) => candidate.item === row.item);
      if (!match || match.sumInsuredFen < row.sumInsuredFen) problems.push({ pointer: `/plans/${higher.code}/coverages/${row.item}`, detail: say(`保额低于 ${lower.code} 方案`, `below plan ${lower.code}`) });
    }
  }
  return problems;
}

/** ≥ 30,000 EUR (taken as ¥240,000) of medical cover without deductible, repatriation, a territory holding the Schengen area. */
function schengenProblems(product: CatalogueProduct, plan: PlanWithCoverage, say: Say): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pointer = `/plans/${plan.code}/schengenCompliant`;
  if (!travelsAbroad.has(product.type)) problems.push({ pointer, detail: say('仅适用于境外旅行', 'only travel abroad') });
  if (!product.zones.some((zone) => schengenDestinations.every((destination) => zoneContains(zone, destination)))) problems.push({ pointer, detail: say('保障区域不含申根区', 'territory lacks the Schengen area') });
  const medical = plan.coverages.find((row) => row.item === 'medical');
  if (!medical || medical.sumInsuredFen < SCHENGEN_MIN_MEDICAL_FEN || medical.deductibleFen > 0) problems.push({ pointer, detail: say('医疗保额须不低于 24 万元且无免赔额', 'medical ≥ ¥240,000 without deductible') });
  if (!plan.coverages.some((row) => row.item === 'repatriation' && row.sumInsuredFen > 0)) problems.push({ pointer, detail: say('须含身故遗返保障', 'repatriation') });
  return problems;
}
