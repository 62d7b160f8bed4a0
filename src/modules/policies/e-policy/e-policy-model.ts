import type { CoverageRow } from '../../catalogue/load-catalogue.ts';

export interface BilingualText {
  zh: string;
  en: string;
}

/**
 * Everything an e-policy PDF prints (R-POL-9). The caller masks before it builds the model: the
 * renderer prints what it is given, so a full ID number never reaches this layer.
 */
export interface EPolicyModel {
  policyNumber: string;
  /** The platform's own reference, `pol_…`. */
  platformReference: string;
  issuedAt: Date;
  insurer: { nameZh: string; nameEn: string; licenceNumber: string; claimsHotline: string; servicePhone: string };
  product: { code: string; nameZh: string; nameEn: string };
  plan: { nameZh: string; nameEn: string };
  /** YYYY-MM-DD, Beijing dates: cover runs from 00:00 of the first day to 24:00 of the last. */
  coverStart: string;
  coverEnd: string;
  destinations: BilingualText[];
  /** Days after receiving the e-policy during which cancelling refunds everything; 0 when the product has none. */
  coolingOffDays: number;
  policyholder: { name: string; idMasked: string };
  insured: EPolicyInsuredPerson[];
  beneficiaries: 'statutory' | Array<{ name: string; sharePercent: number }>;
  coverage: EPolicyCoverageRow[];
  premiumFen: number;
  verificationUrl: string;
  /** The broker selling and serving the policy. */
  operator: { nameZh: string; nameEn: string; hotline: string };
}

export interface EPolicyInsuredPerson {
  name: string;
  /** The name as in the passport; the Schengen certificate prints it. */
  namePinyin?: string;
  idMasked: string;
  birthDate?: string;
  relationship: BilingualText;
}

/** A coverage row as the catalogue keeps it (the insurer's wording, sums in fen): the certificate looks for medical cover and repatriation by `item`. */
export type EPolicyCoverageRow = Pick<CoverageRow, 'item' | 'itemZh' | 'itemEn' | 'detailZh' | 'detailEn' | 'sumInsuredFen' | 'deductibleFen'>;

export const E_POLICY_VARIANTS = ['standard', 'schengen_certificate'] as const;
export type EPolicyVariant = (typeof E_POLICY_VARIANTS)[number];
