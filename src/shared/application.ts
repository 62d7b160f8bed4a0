// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
import type { ApplicantField, ProductType } from './catalogue/terms.ts';
import type { IdDocumentInput, Sex, ValidIdDocument } from './identity-documents.ts';

/**
 * What an application (投保, R-POL-4) sends: the policyholder, the insured persons and their
 * beneficiaries, with only the fields the product asks (its policyholderFields / insuredFields), the
 * trip or term, and the answers to the health declaration where the product has one (R-POL-6).
 * Server and page validate it with the same rules (application-validation.ts).
 */

/** 保险法 art. 31: whom a policyholder may insure. `other` needs the insured person's consent, attested. */
export const INSURED_RELATIONSHIPS = ['self', 'spouse', 'child', 'parent', 'employee', 'other'] as const;
export type InsuredRelationship = (typeof INSURED_RELATIONSHIPS)[number];

export const relationshipNames: Record<InsuredRelationship, { zh: string; en: string }> = {
  self: { zh: '本人', en: 'Self' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  employee: { zh: '雇员（与投保单位有劳动关系）', en: 'Employee (of the policyholder institution)' },
  other: { zh: '其他（经被保险人同意）', en: 'Other (with the insured person’s consent)' },
};

/** A natural person as the product's field list asks them; absent fields were not asked. */
export interface PersonInput {
  name?: string;
  namePinyin?: string;
  idDocument?: IdDocumentInput;
  passportNumber?: string;
  /** ISO 3166-1 alpha-2 country that issued the passport (part of the field passport_number); default CN. */
  passportCountry?: string;
  birthDate?: string;
  sex?: Sex;
  phone?: string;
  email?: string;
  occupationClass?: number;
}

/** An institution as policyholder (group travel, employees' accident cover): no personal information. */
export interface InstitutionInput {
  name: string;
  /** 统一社会信用代码, 18 characters with a GB 32100-2015 check character. */
  creditCode: string;
  /** The operator's contact for this application (their own phone and e-mail). */
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
}

export type PolicyholderInput = { kind: 'person'; person: PersonInput } | { kind: 'institution'; institution: InstitutionInput };

export interface NamedBeneficiary {
  name: string;
  idDocument: IdDocumentInput;
  /** Relationship to the insured person (a spouse, child or parent of theirs, or someone else). */
  relationship: Exclude<InsuredRelationship, 'self' | 'employee'>;
  /** Whole per cent; the shares of one insured person's beneficiaries sum to 100. */
  sharePercent: number;
}

export interface InsuredInput {
  relationship: InsuredRelationship;
  /**
   * With relationship `self`, the fields the policyholder section already gave are taken from it and
   * are refused here (not collected twice); `person` carries only the insured fields the policyholder
   * was not asked (a passport, say), and is empty when there are none.
   */
  person: PersonInput;
  /** Death benefit: 法定 (statutory heirs) unless named. */
  beneficiaries?: { kind: 'statutory' } | { kind: 'named'; named: NamedBeneficiary[] };
  /** Health declaration: question id → the answer (true = "yes, this applies to me"). */
  healthAnswers?: Record<string, boolean>;
}

export interface ApplicationInput {
  product: string;
  plan: string;
  destinations?: string[];
  startDate?: string;
  endDate?: string;
  policyholder: PolicyholderInput;
  insured: InsuredInput[];
}

/** A problem with one field, pointed at by a JSON pointer into ApplicationInput (e.g. `/insured/1/person/idDocument/number`). */
export interface ApplicationProblem {
  pointer: string;
  code: string;
  detail: string;
}

/** What a product asks and allows, from its catalogue row (src/modules/catalogue/schema.ts). */
export interface ApplicationRules {
  type: ProductType;
  policyholderFields: readonly ApplicantField[];
  insuredFields: readonly ApplicantField[];
  /** Ages in full years on the first day of cover, both ends included. */
  minAge: number;
  maxAge: number;
  maxInsured: number;
  /** Days of cover, both ends included (a yearly term: 365 and 365). */
  minDays: number;
  maxDays: number;
  allowsInstitution: boolean;
  /** The ids of the 健康告知 questions in force; empty when the product has none. */
  healthQuestionIds: readonly string[];
}

/**
 * A person's details as validated: trimmed names, upper-case pinyin, normalised documents (passportCountry
 * set whenever passportNumber is), E.164 phone, lower-case e-mail.
 */
export type ValidPerson = Omit<PersonInput, 'idDocument'> & { idDocument?: ValidIdDocument };

export interface ValidInstitution {
  name: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
}

export type ValidPolicyholder = { kind: 'person'; person: ValidPerson } | { kind: 'institution'; institution: ValidInstitution };

export interface ValidBeneficiary {
  name: string;
  idDocument: ValidIdDocument;
  relationship: NamedBeneficiary['relationship'];
  sharePercent: number;
}

export interface ValidInsured {
  relationship: InsuredRelationship;
  /** The fields the product asks of insured persons; for `self`, those the policyholder gave come from the policyholder. */
  person: ValidPerson;
  /** Stated, or read from the document number (theirs, or for `self` the policyholder's). */
  birthDate: string;
  /** In full years on the first day of cover. */
  age: number;
  beneficiaries: { kind: 'statutory' } | { kind: 'named'; named: ValidBeneficiary[] };
  /** Present when the product has a health declaration: every question answered, every answer false. */
  healthAnswers?: Record<string, boolean>;
}

export interface ValidApplication {
  product: string;
  plan: string;
  destinations?: string[];
  startDate: string;
  /** Given, or for a fixed term (minDays = maxDays) the last day of that term. */
  endDate: string;
  /** Days of cover, both ends included. */
  days: number;
  policyholder: ValidPolicyholder;
  insured: ValidInsured[];
}

// Group travel and employees' accident cover are bought by organisations; medical cover is personal.
const INSTITUTION_PRODUCT_TYPES: readonly ProductType[] = ['outbound_travel', 'domestic_travel', 'accident'];

export function canInsureInstitution(type: ProductType): boolean {
  return INSTITUTION_PRODUCT_TYPES.includes(type);
}

/** The rules of a product as the server and the page both derive them: its catalogue row and the 健康告知 question ids in force. */
export function applicationRulesOf(
  product: Pick<ApplicationRules, 'type' | 'policyholderFields' | 'insuredFields' | 'minAge' | 'maxAge' | 'maxInsured' | 'minDays' | 'maxDays'>,
  healthQuestionIds: readonly string[],
): ApplicationRules {
  const { type, policyholderFields, insuredFields, minAge, maxAge, maxInsured, minDays, maxDays } = product;
  return { type, policyholderFields, insuredFields, minAge, maxAge, maxInsured, minDays, maxDays, allowsInstitution: canInsureInstitution(type), healthQuestionIds };
}
