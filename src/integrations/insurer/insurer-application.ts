import type { IdDocumentType, Sex } from '../../shared/identity-documents.ts';

/**
 * What an insurer receives to underwrite and issue a policy (R-POL-9). Plain data, as it travels:
 * dates are calendar dates 'YYYY-MM-DD' (cover dates are Beijing dates, both days covered), money is
 * integer fen. Every field of a person is optional because the platform sends only what it decided
 * to disclose for the product (its applicant fields and the disclosure agreement), never a full
 * profile: an absent field was withheld, not forgotten.
 */
export interface InsurerApplication {
  /** The platform's id of what is being issued (`pol_…`), for reconciliation on both sides. */
  platformReference?: string;
  /** The insurer's own product and plan codes. */
  productCode: string;
  planCode: string;
  coverStart: string;
  coverEnd: string;
  /** Destination codes of the trip, as the product lists them. */
  destinations: string[];
  premiumFen: number;
  policyholder: DisclosedPerson;
  insured: InsuredPerson[];
}

export interface DisclosedPerson {
  name?: string;
  namePinyin?: string;
  idType?: IdDocumentType;
  idNumber?: string;
  passportNumber?: string;
  birthDate?: string;
  sex?: Sex;
  phone?: string;
  email?: string;
  occupationClass?: number;
  healthAnswers?: HealthAnswer[];
  /** How the insured person is related to the policyholder. */
  relationship?: Relationship;
}

export type Relationship = 'self' | 'spouse' | 'child' | 'parent' | 'other';

/** One answer of a 健康告知: the question's code in the product's declaration, and yes or no. */
export interface HealthAnswer {
  question: string;
  answer: boolean;
}

export interface InsuredPerson {
  person: DisclosedPerson;
  beneficiaries: Beneficiaries;
}

/** 身故受益人: the legal heirs (法定), or named people with shares in whole per cent adding up to 100. */
export type Beneficiaries = { kind: 'statutory' } | { kind: 'named'; named: NamedBeneficiary[] };

export interface NamedBeneficiary {
  person: DisclosedPerson;
  sharePercent: number;
}
