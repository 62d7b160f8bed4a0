// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
import { INSURED_RELATIONSHIPS, type InsuredInput, type InsuredRelationship, type NamedBeneficiary, type ValidBeneficiary, type ValidInsured } from './application.ts';
import { checkIdDocument, checkName, recordOf, refuseUnaskedKeys, type CheckContext } from './application-person.ts';
import { pointerOf, type ProblemList } from './application-problems.ts';
import type { ProductType } from './catalogue/terms.ts';
import { idDocumentLookupKey } from './identity-documents.ts';

/**
 * Named beneficiaries only where the product's death benefit is its point: accident and medical
 * cover. Travel cover is sold online with its accidental-death benefit to the statutory heirs
 * (法定), as the insurers' online travel terms do: naming someone would mean collecting a third
 * person's ID number for a few days of cover.
 */
export const NAMED_BENEFICIARY_TYPES: readonly ProductType[] = ['accident', 'short_term_medical'];

const BENEFICIARY_RELATIONSHIPS: readonly string[] = ['spouse', 'child', 'parent', 'other'] satisfies Array<NamedBeneficiary['relationship']>;
const BENEFICIARY_KEYS = new Set<string>(['name', 'idDocument', 'relationship', 'sharePercent']);
const FAMILY: readonly string[] = ['spouse', 'child', 'parent'] satisfies InsuredRelationship[];

/**
 * 保险法 art. 31 as the form can check it: a person insures themself once, one spouse, their children,
 * parents and (with consent) others; an institution insures its employees and (with consent) others.
 */
export function checkRelationships(insured: readonly InsuredInput[], holderKind: 'person' | 'institution' | undefined, problems: ProblemList): void {
  const seen = new Set<string>();
  insured.forEach((item, index) => {
    const relationship = recordOf(item).relationship as InsuredRelationship;
    const at = pointerOf('insured', index, 'relationship');
    if (!INSURED_RELATIONSHIPS.includes(relationship)) return problems.add(at, 'relationship_invalid');
    if (holderKind === 'institution' && relationship === 'self') return problems.add(at, 'self_needs_person');
    if (holderKind === 'institution' && FAMILY.includes(relationship)) return problems.add(at, 'family_needs_person');
    if (holderKind === 'person' && relationship === 'employee') return problems.add(at, 'employee_needs_institution');
    if (seen.has(relationship) && relationship === 'self') return problems.add(at, 'self_twice');
    if (seen.has(relationship) && relationship === 'spouse') return problems.add(at, 'spouse_twice');
    seen.add(relationship);
  });
}

export interface BeneficiaryContext {
  type: ProductType;
  relationship: InsuredRelationship;
  /** Lookup keys of the insured person's own documents: nobody is the beneficiary of their own death. */
  insuredDocumentKeys: ReadonlySet<string>;
}

/**
 * The death benefit's beneficiaries of one insured person. Without a choice the benefit goes to the
 * statutory heirs (保险法 art. 42); named ones need a valid document and whole-per-cent shares that
 * add up to exactly 100.
 */
export function checkBeneficiaries(raw: unknown, at: string, context: BeneficiaryContext, check: CheckContext): ValidInsured['beneficiaries'] | undefined {
  if (raw === undefined) return { kind: 'statutory' };
  const input = recordOf(raw);
  if (input.kind === 'statutory') return { kind: 'statutory' };
  if (input.kind !== 'named') return void check.problems.add(`${at}/kind`, 'beneficiary_kind_invalid');
  if (!NAMED_BENEFICIARY_TYPES.includes(context.type)) return void check.problems.add(`${at}/kind`, 'named_beneficiary_not_offered');
  const list: unknown[] = Array.isArray(input.named) ? input.named : [];
  if (list.length === 0) return void check.problems.add(`${at}/named`, 'beneficiaries_required');

  const before = check.problems.items.length;
  const seen = new Set<string>();
  let hasSpouse = false;
  let areSharesWhole = true;
  let total = 0;
  const named: ValidBeneficiary[] = [];
  list.forEach((entry, index) => {
    const entryAt = `${at}/named/${index}`;
    const beneficiary = recordOf(entry);
    refuseUnaskedKeys(beneficiary, (key) => BENEFICIARY_KEYS.has(key), entryAt, check);
    const name = checkName(beneficiary.name, `${entryAt}/name`, check);
    const idDocument = checkIdDocument(beneficiary.idDocument, `${entryAt}/idDocument`, check);
    const relationship = beneficiary.relationship as NamedBeneficiary['relationship'];
    if (!BENEFICIARY_RELATIONSHIPS.includes(relationship)) check.problems.add(`${entryAt}/relationship`, 'beneficiary_relationship_invalid');
    // 保险法 art. 39: an employer insuring an employee may name only the employee's close relatives.
    else if (context.relationship === 'employee' && relationship === 'other') check.problems.add(`${entryAt}/relationship`, 'beneficiary_not_next_of_kin');
    else if (relationship === 'spouse' && hasSpouse) check.problems.add(`${entryAt}/relationship`, 'beneficiary_spouse_twice');
    hasSpouse ||= relationship === 'spouse';
    const share = beneficiary.sharePercent;
    const isWholeShare = typeof share === 'number' && Number.isInteger(share) && share >= 1 && share <= 100;
    if (isWholeShare) total += share;
    else check.problems.add(`${entryAt}/sharePercent`, 'share_invalid');
    areSharesWhole &&= isWholeShare;
    if (idDocument) {
      const key = idDocumentLookupKey(idDocument);
      if (context.insuredDocumentKeys.has(key)) check.problems.add(`${entryAt}/idDocument/number`, 'beneficiary_is_insured');
      else if (seen.has(key)) check.problems.add(`${entryAt}/idDocument/number`, 'beneficiary_twice');
      seen.add(key);
    }
    if (name && idDocument && isWholeShare) named.push({ name, idDocument, relationship, sharePercent: share });
  });
  if (areSharesWhole && total !== 100) check.problems.add(`${at}/named`, 'shares_not_100');
  return check.problems.items.length === before ? { kind: 'named', named } : undefined;
}

/**
 * 健康告知 (R-POL-6): every question of the product answered with yes or no, no other question. A
 * yes declines the person for this product — the answers themselves are sensitive and never appear
 * in the problem.
 */
export function checkHealthAnswers(raw: unknown, at: string, questionIds: readonly string[], check: CheckContext): Record<string, boolean> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return void check.problems.required(at);
  const input = recordOf(raw);
  refuseUnknownQuestions(input, questionIds, at, check.problems);
  const answers: Record<string, boolean> = {};
  for (const id of questionIds) {
    const answer = input[id];
    if (typeof answer === 'boolean') answers[id] = answer;
    else check.problems.add(`${at}${pointerOf(id)}`, 'health_unanswered');
  }
  if (Object.values(answers).includes(true)) check.problems.add(at, 'health_declined');
  return answers;
}

function refuseUnknownQuestions(input: Record<string, unknown>, questionIds: readonly string[], at: string, problems: ProblemList): void {
  for (const key of Object.keys(input)) {
    if (!questionIds.includes(key)) problems.add(`${at}${pointerOf(key)}`, 'health_question_unknown');
  }
}
