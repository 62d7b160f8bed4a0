import { applicationRulesOf, type ApplicationInput, type ApplicationRules, type InsuredInput, type InsuredRelationship, type NamedBeneficiary, type PersonInput } from '../../../src/shared/application.ts';
import { NAMED_BENEFICIARY_TYPES } from '../../../src/shared/application-insured.ts';
import type { ApplicantField, ProductType } from '../../../src/shared/catalogue/terms.ts';
import { birthDateOf, sexOf, type IdDocumentType, type Sex } from '../../../src/shared/identity-documents.ts';
import type { ProductDetail } from '../api/catalogue';

/**
 * The purchase form as the page keeps it while people type (R-POL-4), shaped like the application it
 * becomes so that the shared check's JSON pointers name its boxes directly. Text boxes hold what they
 * show ('' for nothing); `applicationOf` sends only what the product asks and what was typed.
 */

export interface TripForm {
  plan: string;
  destinations: string[];
  startDate: string;
  endDate: string;
  /** Ages for the price shown before the insured persons are named; their birth dates decide later. */
  ages: Array<number | null>;
  occupationClass: number | null;
}

export interface DocumentForm {
  type: IdDocumentType;
  number: string;
  /** Passports only. */
  issuingCountry: string;
}

export interface PersonForm {
  name: string;
  namePinyin: string;
  idDocument: DocumentForm;
  passportNumber: string;
  passportCountry: string;
  birthDate: string;
  sex: Sex | '';
  phone: string;
  email: string;
  occupationClass: number | null;
}

export interface InstitutionForm {
  name: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export interface BeneficiaryForm {
  /** Stable across removals, for React lists. */
  key: string;
  name: string;
  idDocument: DocumentForm;
  relationship: NamedBeneficiary['relationship'] | '';
  sharePercent: number | null;
}

export interface InsuredForm {
  key: string;
  relationship: InsuredRelationship | '';
  person: PersonForm;
  beneficiaryKind: 'statutory' | 'named';
  beneficiaries: BeneficiaryForm[];
  /** Only the questions answered: nothing is preselected. */
  healthAnswers: Record<string, boolean>;
}

export interface ApplicantForm {
  holderKind: 'person' | 'institution';
  holder: PersonForm;
  institution: InstitutionForm;
  insured: InsuredForm[];
}

// Document types whose number tells the birth date and sex.
const TELLING_DOCUMENTS: readonly IdDocumentType[] = ['resident_id', 'hmt_residence_permit'];

let nextKey = 0;
export const newKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(nextKey += 1)}`;

export const emptyDocument = (): DocumentForm => ({ type: 'resident_id', number: '', issuingCountry: 'CN' });

export function emptyPerson(): PersonForm {
  return { name: '', namePinyin: '', idDocument: emptyDocument(), passportNumber: '', passportCountry: 'CN', birthDate: '', sex: '', phone: '', email: '', occupationClass: null };
}

export function emptyInsured(relationship: InsuredForm['relationship'] = ''): InsuredForm {
  return { key: newKey('insured'), relationship, person: emptyPerson(), beneficiaryKind: 'statutory', beneficiaries: [], healthAnswers: {} };
}

export function emptyBeneficiary(): BeneficiaryForm {
  return { key: newKey('beneficiary'), name: '', idDocument: emptyDocument(), relationship: '', sharePercent: null };
}

/** A new form: as many insured persons as ages were priced (in the occupation class priced), the first one the buyer themself. */
export function emptyApplicantForm(count: number, occupationClass: number | null = null): ApplicantForm {
  const insured = Array.from({ length: Math.max(1, count) }, (_value, index) => {
    const entry = emptyInsured(index === 0 ? 'self' : '');
    return { ...entry, person: { ...entry.person, occupationClass } };
  });
  return { holderKind: 'person', holder: emptyPerson(), institution: { name: '', creditCode: '', contactName: '', contactPhone: '', contactEmail: '' }, insured };
}

export function offersNamedBeneficiaries(type: ProductType): boolean {
  return NAMED_BENEFICIARY_TYPES.includes(type);
}

/** What the shared check needs to know of a product; the health questions come from its 健康告知 step. */
export function rulesOf(product: ProductDetail, healthQuestionIds: readonly string[]): ApplicationRules {
  return applicationRulesOf(product, healthQuestionIds);
}

/** A fixed term (a year of cover) asks only its first day. */
export function isFixedTerm(product: Pick<ProductDetail, 'minDays' | 'maxDays'>): boolean {
  return product.minDays === product.maxDays;
}

/** The last day of a fixed term that starts on `start` and lasts `days` days (both included). */
export function termEnd(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** The birth date and sex the policyholder's document number tells, which a `本人` insured need not type again. */
export function factsOfHolder(form: ApplicantForm): { birthDate: string; sex: Sex } | null {
  if (form.holderKind !== 'person' || !TELLING_DOCUMENTS.includes(form.holder.idDocument.type)) return null;
  const birthDate = birthDateOf(form.holder.idDocument.number);
  const sex = sexOf(form.holder.idDocument.number);
  return birthDate && sex ? { birthDate, sex } : null;
}

/**
 * The boxes one insured person shows: the product's insured fields, less (for `本人`) what the
 * policyholder section already asked, and less the birth date and sex their document tells.
 */
export function fieldsAskedOf(rules: Pick<ApplicationRules, 'insuredFields' | 'policyholderFields'>, form: ApplicantForm, index: number): ApplicantField[] {
  const insured = form.insured[index];
  const isSelf = insured?.relationship === 'self' && form.holderKind === 'person';
  if (!isSelf) return [...rules.insuredFields];
  const told = factsOfHolder(form) ? (['birth_date', 'sex'] as ApplicantField[]) : [];
  return rules.insuredFields.filter((field) => !rules.policyholderFields.includes(field) && !told.includes(field));
}

const trimmed = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** A person's boxes as the application sends them: only the fields asked, only what was typed. */
export function personInputOf(form: PersonForm, asked: readonly ApplicantField[]): PersonInput {
  const person: PersonInput = {};
  const has = (field: ApplicantField) => asked.includes(field);
  if (has('name')) person.name = trimmed(form.name);
  if (has('name_pinyin')) person.namePinyin = trimmed(form.namePinyin);
  if (has('id_number')) person.idDocument = documentInputOf(form.idDocument);
  if (has('passport_number') && trimmed(form.passportNumber)) Object.assign(person, { passportNumber: form.passportNumber, passportCountry: form.passportCountry || 'CN' });
  if (has('birth_date')) person.birthDate = trimmed(form.birthDate);
  if (has('sex') && form.sex !== '') person.sex = form.sex;
  if (has('phone')) person.phone = trimmed(form.phone);
  if (has('email')) person.email = trimmed(form.email);
  if (has('occupation') && form.occupationClass !== null) person.occupationClass = form.occupationClass;
  return Object.fromEntries(Object.entries(person).filter(([, value]) => value !== undefined));
}

function documentInputOf(form: DocumentForm): NonNullable<PersonInput['idDocument']> {
  return form.type === 'passport' ? { type: form.type, number: form.number, issuingCountry: form.issuingCountry || 'CN' } : { type: form.type, number: form.number };
}

function insuredInputOf(rules: ApplicationRules, form: ApplicantForm, index: number): InsuredInput {
  const insured = form.insured[index] as InsuredForm;
  const person = personInputOf(insured.person, fieldsAskedOf(rules, form, index));
  const facts = insured.relationship === 'self' ? factsOfHolder(form) : null;
  const selfAsked = rules.insuredFields.filter((field) => !rules.policyholderFields.includes(field));
  if (facts && selfAsked.includes('birth_date')) person.birthDate = facts.birthDate;
  if (facts && selfAsked.includes('sex')) person.sex = facts.sex;
  const input: InsuredInput = { relationship: insured.relationship as InsuredRelationship, person };
  if (offersNamedBeneficiaries(rules.type)) {
    input.beneficiaries =
      insured.beneficiaryKind === 'named'
        ? {
            kind: 'named',
            named: insured.beneficiaries.map((beneficiary) => ({
              name: beneficiary.name,
              idDocument: documentInputOf(beneficiary.idDocument),
              relationship: beneficiary.relationship as NamedBeneficiary['relationship'],
              sharePercent: beneficiary.sharePercent as number,
            })),
          }
        : { kind: 'statutory' };
  }
  if (rules.healthQuestionIds.length > 0) input.healthAnswers = { ...insured.healthAnswers };
  return input;
}

/** The application the form stands for, to check as people type and to send on 确认投保. */
export function applicationOf(product: Pick<ProductDetail, 'code' | 'minDays' | 'maxDays' | 'rating'>, rules: ApplicationRules, trip: TripForm, form: ApplicantForm): ApplicationInput {
  const isTrip = product.rating?.basis === 'trip';
  const policyholder: ApplicationInput['policyholder'] =
    form.holderKind === 'institution'
      ? {
          kind: 'institution',
          institution: { ...form.institution, ...(trimmed(form.institution.contactEmail) ? {} : { contactEmail: undefined }) },
        }
      : { kind: 'person', person: personInputOf(form.holder, rules.policyholderFields) };
  return {
    product: product.code,
    plan: trip.plan,
    ...(isTrip ? { destinations: trip.destinations } : {}),
    startDate: trip.startDate,
    ...(isFixedTerm(product) ? {} : { endDate: trip.endDate }),
    policyholder,
    insured: form.insured.map((_insured, index) => insuredInputOf(rules, form, index)),
  };
}

/** Does the application insure anyone but the buyer (who then attests their authorisation, R-POL-5)? */
export function insuresOthers(form: ApplicantForm): boolean {
  return form.holderKind === 'institution' || form.insured.some((insured) => insured.relationship !== 'self');
}

/**
 * The birth date of each insured person as the shared check reads it — stated, else told by their
 * document, else (for `本人`) by the policyholder's — or null for one not known yet.
 */
export function birthDatesOf(application: ApplicationInput): Array<string | null> {
  const holder = application.policyholder.kind === 'person' ? application.policyholder.person : undefined;
  const told = (person: PersonInput | undefined) => (person?.idDocument && TELLING_DOCUMENTS.includes(person.idDocument.type) ? birthDateOf(person.idDocument.number) : null);
  return application.insured.map((insured) => insured.person.birthDate ?? told(insured.person) ?? (insured.relationship === 'self' ? (holder?.birthDate ?? told(holder)) : null));
}
