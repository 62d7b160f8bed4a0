import { describe, expect, it } from 'vitest';
import { validateApplication } from '../../../src/shared/application-validation.ts';
import { residentIdCheckCharacter } from '../../../src/shared/identity-documents.ts';
import type { ProductDetail } from '../api/catalogue';
import { applicationOf, birthDatesOf, emptyApplicantForm, emptyBeneficiary, fieldsAskedOf, insuresOthers, rulesOf, termEnd, type ApplicantForm, type TripForm } from './applicationForm';

const TODAY = '2030-01-10';
const idNumber = (first17: string) => `${first17}${residentIdCheckCharacter(first17)}`;
const HOLDER_ID = idNumber('11010119850307123'); // born 1985-03-07, male (odd 17th digit)

// The Schengen product as the catalogue describes it: an ID for the buyer, a passport for each traveller.
const schengen = {
  code: 'schengen-visa',
  type: 'outbound_travel',
  minDays: 1,
  maxDays: 92,
  minAge: 0,
  maxAge: 80,
  maxInsured: 50,
  policyholderFields: ['name', 'id_number', 'phone', 'email'],
  insuredFields: ['name', 'name_pinyin', 'passport_number', 'birth_date', 'sex'],
  rating: { version: 1, hash: 'h', basis: 'trip', occupationClasses: [], groupDiscounts: [] },
} as unknown as ProductDetail;
const accident = { ...schengen, code: 'accident-plus', type: 'accident', minDays: 365, maxDays: 365, policyholderFields: ['name', 'id_number', 'phone'], insuredFields: ['name', 'id_number', 'occupation'], rating: { ...schengen.rating, basis: 'occupation' } } as unknown as ProductDetail;

const trip: TripForm = { plan: 'standard', destinations: ['FR', 'DE'], startDate: '2030-02-01', endDate: '2030-02-10', ages: [40, 38], occupationClass: null };

function schengenForm(): ApplicantForm {
  const form = emptyApplicantForm(2);
  form.holder = { ...form.holder, name: '张三', idDocument: { type: 'resident_id', number: HOLDER_ID, issuingCountry: 'CN' }, phone: '13812345678', email: 'zhang@example.cn' };
  form.insured[0] = { ...form.insured[0]!, person: { ...form.insured[0]!.person, namePinyin: 'ZHANG SAN', passportNumber: 'E12345678' } };
  form.insured[1] = { ...form.insured[1]!, relationship: 'spouse', person: { ...form.insured[1]!.person, name: '李四', namePinyin: 'LI SI', passportNumber: 'E87654321', birthDate: '1987-05-01', sex: 'female' } };
  return form;
}

describe('the purchase form and the application it becomes', () => {
  it('R-POL-4 sends only the fields the product asks, and the buyer as 本人 takes birth date and sex from their ID number', () => {
    const rules = rulesOf(schengen, []);
    const form = schengenForm();
    const application = applicationOf(schengen, rules, trip, form);
    expect(application.policyholder).toEqual({ kind: 'person', person: { name: '张三', idDocument: { type: 'resident_id', number: HOLDER_ID }, phone: '13812345678', email: 'zhang@example.cn' } });
    expect(application.insured[0]).toEqual({ relationship: 'self', person: { namePinyin: 'ZHANG SAN', passportNumber: 'E12345678', passportCountry: 'CN', birthDate: '1985-03-07', sex: 'male' } });
    expect(fieldsAskedOf(rules, form, 0)).toEqual(['name_pinyin', 'passport_number']);
    expect(fieldsAskedOf(rules, form, 1)).toEqual(schengen.insuredFields);
    expect(validateApplication(application, rules, { language: 'zh-CN', today: TODAY }).problems).toEqual([]);
    expect(birthDatesOf(application)).toEqual(['1985-03-07', '1987-05-01']);
    expect(insuresOthers(form)).toBe(true);
  });

  it('R-POL-4 the shared check points at the very boxes of the form, in the person’s language', () => {
    const rules = rulesOf(schengen, []);
    const form = schengenForm();
    form.holder.idDocument.number = `${HOLDER_ID.slice(0, 17)}${HOLDER_ID.endsWith('0') ? '1' : '0'}`;
    form.insured[1]!.person.passportNumber = '';
    const { problems } = validateApplication(applicationOf(schengen, rules, trip, form), rules, { language: 'zh-CN', today: TODAY });
    expect(problems.map((problem) => problem.pointer)).toEqual(expect.arrayContaining(['/policyholder/person/idDocument/number', '/insured/1/person/passportNumber']));
    expect(problems.find((problem) => problem.pointer === '/policyholder/person/idDocument/number')?.detail).toContain('校验位');
  });

  it('R-POL-4 an unknown document type of the buyer makes 本人 state birth date and sex', () => {
    const form = schengenForm();
    form.holder.idDocument = { type: 'passport', number: 'E11112222', issuingCountry: 'CN' };
    expect(fieldsAskedOf(rulesOf(schengen, []), form, 0)).toEqual(['name_pinyin', 'passport_number', 'birth_date', 'sex']);
  });

  it('R-POL-4 R-POL-6 a fixed term sends no last day; named beneficiaries and health answers only where the product has them', () => {
    const rules = rulesOf(accident, ['q1']);
    const form = emptyApplicantForm(1);
    form.insured[0]!.beneficiaryKind = 'named';
    form.insured[0]!.beneficiaries = [{ ...emptyBeneficiary(), name: '王五', relationship: 'child', sharePercent: 100 }];
    form.insured[0]!.healthAnswers = { q1: false };
    const application = applicationOf(accident, rules, { ...trip, occupationClass: 2 }, form);
    expect(application).not.toHaveProperty('endDate');
    expect(application).not.toHaveProperty('destinations');
    expect(application.insured[0]?.beneficiaries).toEqual({ kind: 'named', named: [{ name: '王五', idDocument: { type: 'resident_id', number: '' }, relationship: 'child', sharePercent: 100 }] });
    expect(application.insured[0]?.healthAnswers).toEqual({ q1: false });
    const travel = applicationOf(schengen, rulesOf(schengen, []), trip, form);
    expect(travel.insured[0]).not.toHaveProperty('beneficiaries');
    expect(travel.insured[0]).not.toHaveProperty('healthAnswers');
    expect(termEnd('2030-02-01', 365)).toBe('2031-01-31');
  });

  it('R-POL-5 only a buyer insuring nobody but themself attests no authorisation', () => {
    const form = emptyApplicantForm(1);
    expect(insuresOthers(form)).toBe(false);
    expect(insuresOthers({ ...form, holderKind: 'institution' })).toBe(true);
    expect(rulesOf(accident, []).allowsInstitution).toBe(true);
    expect(rulesOf({ ...accident, type: 'short_term_medical' } as ProductDetail, []).allowsInstitution).toBe(false);
  });
});
