import type { Beneficiaries, DisclosedPerson, InsurerApplication, Relationship } from '../../integrations/insurer/insurer-application.ts';
import type { DataCategory } from '../../privacy/catalogue/categories.ts';
import type { ApplicantField } from '../../shared/catalogue/terms.ts';
import type { Party, PartyValues } from '../orders/order-parties.ts';

/** One field as the disclosure ledger names it (R-SHR-2): what the person sees under "who received my data". */
export interface DisclosedField {
  name: string;
  category: DataCategory;
}

export interface ApplicationSource {
  policyId: string;
  order: { coverStart: string; coverEnd: string; destinations: string[]; premiumFen: number; institutionName: string | null };
  product: { code: string; policyholderFields: readonly ApplicantField[]; insuredFields: readonly ApplicantField[] };
  planCode: string;
  parties: Party[];
}

const fieldCategories: Record<ApplicantField, DataCategory> = {
  name: 'identity.name',
  name_pinyin: 'identity.name',
  id_number: 'identity.government_id',
  passport_number: 'identity.government_id',
  birth_date: 'identity.birth_date',
  sex: 'identity.gender',
  phone: 'contact.phone',
  email: 'contact.email',
  occupation: 'identity.occupation',
  health_declaration: 'health.declaration',
};

/** The part of a DisclosedPerson each applicant field fills, from what the order holds. */
const fill: Record<ApplicantField, (values: PartyValues) => DisclosedPerson | null> = {
  name: (values) => (values.name === undefined ? null : { name: values.name }),
  name_pinyin: (values) => (values.namePinyin === undefined ? null : { namePinyin: values.namePinyin }),
  id_number: (values) => (values.idDocument ? { idType: values.idDocument.type, idNumber: values.idDocument.number } : null),
  passport_number: (values) => (values.passport ? { passportNumber: values.passport.number } : null),
  birth_date: (values) => (values.birthDate === undefined ? null : { birthDate: values.birthDate }),
  sex: (values) => (values.sex === undefined ? null : { sex: values.sex }),
  phone: (values) => (values.phone === undefined ? null : { phone: values.phone }),
  email: (values) => (values.email === undefined ? null : { email: values.email }),
  occupation: (values) => (values.occupationClass === undefined ? null : { occupationClass: values.occupationClass }),
  health_declaration: (values) => (values.healthAnswers ? { healthAnswers: Object.entries(values.healthAnswers).map(([question, answer]) => ({ question, answer })) } : null),
};

/**
 * What the insurer receives for one order (R-POL-9, data minimisation): for each person, only the
 * fields the product asks of that role — an insured person's birth date the platform worked out for
 * pricing is not sent when the product does not ask it — and the list of fields actually sent, with
 * their categories, for the disclosure check and the ledger. The same order always gives the same
 * application, byte for byte, so a retried submission under the same idempotency key is the same request.
 */
export function insurerApplicationOf(source: ApplicationSource): { application: InsurerApplication; fields: DisclosedField[] } {
  const sent = new Map<string, DataCategory>([['cover', 'insurance.policy']]);
  const person = (values: PartyValues, asked: readonly ApplicantField[]): DisclosedPerson => {
    const disclosed: DisclosedPerson = {};
    for (const field of asked) {
      const part = fill[field](values);
      if (!part) continue;
      Object.assign(disclosed, part);
      sent.set(field, fieldCategories[field]);
    }
    return disclosed;
  };
  const holder = source.parties.find((party) => party.role === 'policyholder');
  // An institution is not a person: its name is no personal information and travels as the holder's name.
  const policyholder = holder ? person(holder.values, source.product.policyholderFields) : { name: source.order.institutionName ?? '' };
  const insured = source.parties
    .filter((party) => party.role === 'insured')
    .map((party) => {
      sent.set('relationship', 'insurance.policy');
      const beneficiaries = beneficiariesOf(source.parties, party.position, sent);
      return { person: { ...person(party.values, source.product.insuredFields), relationship: relationshipOf(party.relationship) }, beneficiaries };
    });
  const application: InsurerApplication = {
    platformReference: source.policyId,
    productCode: source.product.code,
    planCode: source.planCode,
    coverStart: source.order.coverStart,
    coverEnd: source.order.coverEnd,
    destinations: source.order.destinations,
    premiumFen: source.order.premiumFen,
    policyholder,
    insured,
  };
  return { application, fields: [...sent].map(([name, category]) => ({ name, category })) };
}

/** Named beneficiaries give their name and document (the application requires both); otherwise the statutory heirs. */
function beneficiariesOf(parties: Party[], insuredPosition: number, sent: Map<string, DataCategory>): Beneficiaries {
  const named = parties.filter((party) => party.role === 'beneficiary' && party.insuredPosition === insuredPosition);
  if (named.length === 0) return { kind: 'statutory' };
  sent.set('beneficiary_name', 'identity.name');
  sent.set('beneficiary_id_number', 'identity.government_id');
  sent.set('beneficiary_share', 'insurance.policy');
  return {
    kind: 'named',
    named: named.map((party) => ({
      person: { ...fill.name(party.values), ...fill.id_number(party.values), relationship: relationshipOf(party.relationship) },
      sharePercent: party.sharePercent ?? 0,
    })),
  };
}

/** The insurer's relationship codes have no `employee`: an employee insured by their employer is `other` to it. */
function relationshipOf(value: string | null): Relationship {
  return value === 'self' || value === 'spouse' || value === 'child' || value === 'parent' ? value : 'other';
}
