import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPersonPi } from '../../test/support/factories/person.ts';
import type { ApplicationInput, ApplicationRules, InsuredInput, NamedBeneficiary } from './application.ts';
import { validateApplication } from './application-validation.ts';
import { residentIdCheckCharacter } from './identity-documents.ts';

const today = '2026-03-10';
const tomorrow = '2026-03-11';

function residentId(region: string, birthDate: string, sequence: string): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

// The 17th digit is odd for men: 123 → male, 124 → female.
const holderId = residentId('110105', '1985-06-15', '123');
const childId = residentId('110105', '2015-09-01', '235');
const wifeId = residentId('310115', '1990-02-20', '124');
const grandpaId = residentId('440106', '1970-04-12', '456');

const outbound: ApplicationRules = {
  type: 'outbound_travel',
  policyholderFields: ['name', 'id_number', 'phone', 'email'],
  insuredFields: ['name', 'name_pinyin', 'passport_number', 'birth_date', 'sex'],
  minAge: 0,
  maxAge: 80,
  maxInsured: 5,
  minDays: 1,
  maxDays: 92,
  allowsInstitution: false,
  healthQuestionIds: [],
};

const accident: ApplicationRules = {
  type: 'accident',
  policyholderFields: ['name', 'id_number', 'phone'],
  insuredFields: ['name', 'id_number', 'occupation'],
  minAge: 18,
  maxAge: 65,
  maxInsured: 3,
  minDays: 365,
  maxDays: 365,
  allowsInstitution: true,
  healthQuestionIds: [],
};

const medical: ApplicationRules = { ...accident, type: 'short_term_medical', insuredFields: ['name', 'id_number', 'health_declaration'], minAge: 0, maxAge: 60, healthQuestionIds: ['q1', 'q2/hospital'] };

function outboundApplication(): ApplicationInput {
  return {
    product: 'global-travel',
    plan: 'standard',
    destinations: ['JP'],
    startDate: tomorrow,
    endDate: '2026-03-17',
    policyholder: {
      kind: 'person',
      person: { name: '  王芳 ', idDocument: { type: 'resident_id', number: holderId }, phone: '138 0013 8000', email: 'Wang.Fang@Example.CN' },
    },
    insured: [
      { relationship: 'self', person: { namePinyin: ' wang  fang ', passportNumber: 'e12345678', birthDate: '1985-06-15', sex: 'male' }, beneficiaries: { kind: 'statutory' } },
      { relationship: 'child', person: { name: '王小明', namePinyin: 'WANG XIAOMING', passportNumber: 'E23456789', birthDate: '2015-09-01', sex: 'male' }, beneficiaries: { kind: 'statutory' } },
    ],
  };
}

function accidentApplication(insured: InsuredInput[] = [accidentInsured('spouse', '李娜', wifeId)]): ApplicationInput {
  return {
    product: 'accident-plus',
    plan: 'sum-300k',
    startDate: tomorrow,
    policyholder: { kind: 'person', person: { name: '王芳', idDocument: { type: 'resident_id', number: holderId }, phone: '13800138000' } },
    insured,
  };
}

function accidentInsured(relationship: InsuredInput['relationship'], name: string, number: string, beneficiaries: InsuredInput['beneficiaries'] = { kind: 'statutory' }): InsuredInput {
  return { relationship, person: { name, idDocument: { type: 'resident_id', number }, occupationClass: 1 }, beneficiaries };
}

const validate = (input: ApplicationInput, rules: ApplicationRules, language: 'zh-CN' | 'en' = 'zh-CN') => validateApplication(input, rules, { today, language });
const problemsOf = (input: ApplicationInput, rules: ApplicationRules) => validate(input, rules).problems.map(({ pointer, code }) => ({ pointer, code }));
const codeAt = (input: ApplicationInput, rules: ApplicationRules, pointer: string) => validate(input, rules).problems.find((problem) => problem.pointer === pointer)?.code;

/** A copy of the input with the value at a JSON pointer removed. */
function without(input: ApplicationInput, pointer: string): ApplicationInput {
  const copy = structuredClone(input) as unknown as Record<string, unknown>;
  const segments = pointer.split('/').slice(1);
  const parent = segments.slice(0, -1).reduce<Record<string, unknown>>((node, segment) => node[segment] as Record<string, unknown>, copy);
  delete parent[segments.at(-1) as string];
  return copy as unknown as ApplicationInput;
}

describe('validateApplication: a valid application (R-POL-4)', () => {
  it('R-POL-4 accepts a family trip abroad and normalises it: trimmed names, upper-case pinyin and documents, E.164 phone, lower-case e-mail, ages at cover start', () => {
    const { problems, application } = validate(outboundApplication(), outbound);
    expect(problems).toEqual([]);
    expect(application?.policyholder).toEqual({
      kind: 'person',
      person: {
        name: '王芳',
        idDocument: { type: 'resident_id', number: holderId, issuingCountry: null, birthDate: '1985-06-15', sex: 'male' },
        phone: '+8613800138000',
        email: 'wang.fang@example.cn',
      },
    });
    expect(application).toMatchObject({ product: 'global-travel', plan: 'standard', destinations: ['JP'], startDate: tomorrow, endDate: '2026-03-17', days: 7 });
    expect(application?.insured[1]).toEqual({
      relationship: 'child',
      person: { name: '王小明', namePinyin: 'WANG XIAOMING', passportNumber: 'E23456789', passportCountry: 'CN', birthDate: '2015-09-01', sex: 'male' },
      birthDate: '2015-09-01',
      age: 10,
      beneficiaries: { kind: 'statutory' },
    });
  });

  it('R-POL-4 resolves a self-insured person to the policyholder’s details for the fields both are asked, and takes the rest from the insured section', () => {
    const self = validate(outboundApplication(), outbound).application?.insured[0];
    expect(self).toEqual({
      relationship: 'self',
      person: { name: '王芳', namePinyin: 'WANG FANG', passportNumber: 'E12345678', passportCountry: 'CN', birthDate: '1985-06-15', sex: 'male' },
      birthDate: '1985-06-15',
      age: 40,
      beneficiaries: { kind: 'statutory' },
    });
  });

  it('R-POL-4 reads the birth date from a 居民身份证 when the product asks no birth date, and ends a fixed yearly term by itself', () => {
    const { problems, application } = validate(accidentApplication(), accident);
    expect(problems).toEqual([]);
    expect(application).toMatchObject({ startDate: tomorrow, endDate: '2027-03-10', days: 365 });
    expect(application?.insured[0]).toMatchObject({ birthDate: '1990-02-20', age: 36, person: { occupationClass: 1 } });
  });
});

describe('validateApplication: data minimisation (R-POL-4)', () => {
  it('R-POL-4 refuses a field the product does not ask, wherever it is sent', () => {
    const input = outboundApplication();
    Object.assign(input.insured[1]!.person, { phone: '13800138000', address: '北京市朝阳区' });
    Object.assign(input.policyholder, { institution: { name: 'x' } });
    input.insured[1]!.healthAnswers = { q1: false };
    expect(problemsOf(input, outbound)).toEqual([
      { pointer: '/policyholder/institution', code: 'field_not_asked' },
      { pointer: '/insured/1/person/phone', code: 'field_not_asked' },
      { pointer: '/insured/1/person/address', code: 'field_not_asked' },
      { pointer: '/insured/1/healthAnswers', code: 'field_not_asked' },
    ]);
  });

  it('R-POL-4 refuses a self-insured person’s field that the policyholder section already gave (it is not collected twice)', () => {
    const input = outboundApplication();
    input.insured[0]!.person.name = '王芳';
    expect(problemsOf(input, outbound)).toEqual([{ pointer: '/insured/0/person/name', code: 'field_not_asked' }]);
  });

  const askedPointers = [
    '/policyholder/person/name',
    '/policyholder/person/idDocument',
    '/policyholder/person/phone',
    '/policyholder/person/email',
    '/insured/0/person/namePinyin',
    '/insured/0/person/passportNumber',
    '/insured/0/person/birthDate',
    '/insured/0/person/sex',
    '/insured/1/person/name',
    '/insured/1/person/namePinyin',
    '/insured/1/person/passportNumber',
    '/insured/1/person/birthDate',
    '/insured/1/person/sex',
    '/startDate',
    '/endDate',
  ];

  it('R-POL-4 property: a valid application with any one asked field removed is refused as required at that pointer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...askedPointers), (pointer) => {
        const { problems, application } = validate(without(outboundApplication(), pointer), outbound);
        expect(application).toBeUndefined();
        expect(problems).toContainEqual(expect.objectContaining({ pointer, code: 'required' }));
      }),
    );
  });

  it('R-POL-4 names the missing field in the person’s language', () => {
    expect(validate(without(outboundApplication(), '/insured/1/person/birthDate'), outbound).problems[0]?.detail).toBe('请填写出生日期。');
    expect(validate(without(outboundApplication(), '/insured/1/person/birthDate'), outbound, 'en').problems[0]?.detail).toBe('Date of birth is required.');
  });
});

describe('validateApplication: people’s details (R-POL-4)', () => {
  const withInsured = (person: Partial<InsuredInput['person']>) => {
    const input = outboundApplication();
    Object.assign(input.insured[1]!.person, person);
    return input;
  };

  it('R-POL-4 takes names of 1–50 Chinese characters or Latin letters, and pinyin of Latin letters and spaces', () => {
    expect(codeAt(withInsured({ name: '阿沛·阿旺晋美' }), outbound, '/insured/1/person/name')).toBeUndefined();
    expect(codeAt(withInsured({ name: 'Anna-Lena Müller' }), outbound, '/insured/1/person/name')).toBeUndefined();
    expect(codeAt(withInsured({ name: '王'.repeat(51) }), outbound, '/insured/1/person/name')).toBe('too_long');
    expect(codeAt(withInsured({ name: 'Анна' }), outbound, '/insured/1/person/name')).toBe('name_characters');
    expect(codeAt(withInsured({ name: '王小明2' }), outbound, '/insured/1/person/name')).toBe('name_characters');
    expect(codeAt(withInsured({ name: '   ' }), outbound, '/insured/1/person/name')).toBe('required');
    expect(codeAt(withInsured({ namePinyin: '王小明' }), outbound, '/insured/1/person/namePinyin')).toBe('pinyin_format');
    expect(codeAt(withInsured({ namePinyin: 'WANG XIAOMING2' }), outbound, '/insured/1/person/namePinyin')).toBe('pinyin_format');
  });

  it('R-POL-4 checks passports: Chinese E/G numbers by default, other countries 5–20 letters and digits', () => {
    expect(codeAt(withInsured({ passportNumber: 'A1234567', passportCountry: 'us' }), outbound, '/insured/1/person/passportNumber')).toBeUndefined();
    expect(validate(withInsured({ passportNumber: 'A1234567', passportCountry: 'us' }), outbound).application?.insured[1]?.person).toMatchObject({ passportNumber: 'A1234567', passportCountry: 'US' });
    expect(codeAt(withInsured({ passportNumber: 'A1234567' }), outbound, '/insured/1/person/passportNumber')).toBe('id_format');
    expect(codeAt(withInsured({ passportNumber: 'A1234567', passportCountry: 'USA' }), outbound, '/insured/1/person/passportCountry')).toBe('id_country_invalid');
  });

  it('R-POL-4 checks a 居民身份证 (check digit) and its consistency with the stated birth date and sex', () => {
    const wrongCheck = outboundApplication();
    wrongCheck.policyholder = { kind: 'person', person: { name: '王芳', idDocument: { type: 'resident_id', number: `${holderId.slice(0, 17)}0` }, phone: '13800138000', email: 'a@b.cn' } };
    expect(codeAt(wrongCheck, outbound, '/policyholder/person/idDocument/number')).toBe('id_check_digit');

    const medicalRules: ApplicationRules = { ...accident, insuredFields: ['name', 'id_number', 'birth_date', 'sex', 'occupation'] };
    const stated = (birthDate: string, sex: 'male' | 'female') => accidentApplication([{ ...accidentInsured('spouse', '李娜', wifeId), person: { name: '李娜', idDocument: { type: 'resident_id', number: wifeId }, birthDate, sex, occupationClass: 2 } }]);
    expect(problemsOf(stated('1990-02-20', 'female'), medicalRules)).toEqual([]);
    expect(problemsOf(stated('1990-02-21', 'female'), medicalRules)).toEqual([{ pointer: '/insured/0/person/birthDate', code: 'id_birth_date_mismatch' }]);
    expect(problemsOf(stated('1990-02-20', 'male'), medicalRules)).toEqual([{ pointer: '/insured/0/person/sex', code: 'id_sex_mismatch' }]);
  });

  it('R-POL-4 holds a self-insured person’s stated birth date and sex to the policyholder’s ID number', () => {
    const input = outboundApplication();
    input.insured[0]!.person.birthDate = '1985-06-16';
    input.insured[0]!.person.sex = 'female';
    expect(problemsOf(input, outbound)).toEqual([
      { pointer: '/insured/0/person/birthDate', code: 'id_birth_date_mismatch' },
      { pointer: '/insured/0/person/sex', code: 'id_sex_mismatch' },
    ]);
  });

  it('R-POL-4 checks mobile phones, e-mail, birth dates, sex and occupation classes', () => {
    const input = outboundApplication();
    Object.assign(input.policyholder.kind === 'person' ? input.policyholder.person : {}, { phone: '12345678901', email: 'no-at-sign' });
    Object.assign(input.insured[1]!.person, { birthDate: '2015-02-30', sex: 'other' });
    expect(problemsOf(input, outbound)).toEqual([
      { pointer: '/policyholder/person/phone', code: 'phone_invalid' },
      { pointer: '/policyholder/person/email', code: 'email_invalid' },
      { pointer: '/insured/1/person/birthDate', code: 'birth_date_invalid' },
      { pointer: '/insured/1/person/sex', code: 'sex_invalid' },
    ]);
    expect(codeAt(withInsured({ birthDate: '2026-03-11' }), outbound, '/insured/1/person/birthDate')).toBe('birth_date_future');
    const badClass = accidentApplication([{ ...accidentInsured('spouse', '李娜', wifeId), person: { name: '李娜', idDocument: { type: 'resident_id', number: wifeId }, occupationClass: 7 } }]);
    expect(problemsOf(badClass, accident)).toEqual([{ pointer: '/insured/0/person/occupationClass', code: 'occupation_invalid' }]);
  });

  it('R-POL-4 refuses a policyholder under 18 (a contract needs full civil capacity)', () => {
    const teen = residentId('110105', '2009-03-11', '123');
    const input = accidentApplication();
    input.policyholder = { kind: 'person', person: { name: '王小', idDocument: { type: 'resident_id', number: teen }, phone: '13800138000' } };
    expect(problemsOf(input, accident)).toEqual([{ pointer: '/policyholder/person/idDocument/number', code: 'policyholder_under_18' }]);
    input.policyholder.person.idDocument = { type: 'resident_id', number: residentId('110105', '2008-03-10', '123') };
    expect(problemsOf(input, accident)).toEqual([]);
  });
});

describe('validateApplication: insured persons and ages (R-POL-4, R-POL-5)', () => {
  it('R-POL-4 wants ages within the product’s bounds on the first day of cover, birthdays counted', () => {
    const turning18 = residentId('110105', '2008-03-11', '123');
    const eighteenTomorrow = accidentApplication([accidentInsured('child', '王小', turning18)]);
    expect(problemsOf(eighteenTomorrow, accident)).toEqual([]);
    expect(problemsOf({ ...eighteenTomorrow, startDate: '2026-03-11' }, { ...accident, minAge: 19 })).toEqual([{ pointer: '/insured/0/person/idDocument/number', code: 'age_out_of_range' }]);
    const sixtySix = residentId('110105', '1960-03-11', '123');
    expect(problemsOf(accidentApplication([accidentInsured('parent', '王大', sixtySix)]), accident)).toEqual([{ pointer: '/insured/0/person/idDocument/number', code: 'age_out_of_range' }]);
    expect(validate(accidentApplication([accidentInsured('parent', '王大', sixtySix)]), accident).problems[0]?.detail).toBe('被保险人在保障开始日的年龄须在 18–65 周岁之间。');
  });

  it('R-POL-4 cannot tell an age from a passport when the product asks no birth date', () => {
    const domestic: ApplicationRules = { ...accident, type: 'domestic_travel', insuredFields: ['name', 'id_number'], minAge: 0, minDays: 1, maxDays: 30 };
    const input: ApplicationInput = { ...accidentApplication(), endDate: '2026-03-12', insured: [{ relationship: 'spouse', person: { name: '李娜', idDocument: { type: 'passport', number: 'E12345678' } }, beneficiaries: { kind: 'statutory' } }] };
    expect(problemsOf(input, domestic)).toEqual([{ pointer: '/insured/0/person/idDocument/type', code: 'birth_date_unknown' }]);
  });

  it('R-POL-4 wants between one insured person and the product’s maximum, each document once', () => {
    expect(problemsOf(accidentApplication([]), accident)).toEqual([{ pointer: '/insured', code: 'insured_required' }]);
    const four = [wifeId, childId, grandpaId, residentId('110105', '1988-01-01', '333')].map((id) => accidentInsured('other', '李娜', id));
    expect(problemsOf(accidentApplication(four), accident)).toContainEqual({ pointer: '/insured', code: 'too_many_insured' });
    expect(problemsOf(accidentApplication([accidentInsured('spouse', '李娜', wifeId), accidentInsured('other', '李娜', wifeId.toLowerCase())]), accident)).toEqual([
      { pointer: '/insured/1/person/idDocument/number', code: 'insured_twice' },
    ]);
    const twice = outboundApplication();
    twice.insured[1]!.person.passportNumber = 'E12345678';
    expect(problemsOf(twice, outbound)).toEqual([{ pointer: '/insured/1/person/passportNumber', code: 'insured_twice' }]);
  });

  it('R-POL-5 keeps 保险法 art. 31’s bounds: one self, one spouse, employees only for institutions, self and family only for persons', () => {
    const family = accidentApplication([
      accidentInsured('spouse', '李娜', wifeId),
      accidentInsured('spouse', '李娜', grandpaId),
      accidentInsured('employee', '李娜', residentId('110105', '1988-01-01', '333')),
    ]);
    expect(problemsOf(family, accident)).toEqual([
      { pointer: '/insured/1/relationship', code: 'spouse_twice' },
      { pointer: '/insured/2/relationship', code: 'employee_needs_institution' },
    ]);
    const twoSelves = outboundApplication();
    twoSelves.insured[1]!.relationship = 'self';
    expect(problemsOf(twoSelves, outbound)).toContainEqual({ pointer: '/insured/1/relationship', code: 'self_twice' });
    expect(codeAt({ ...accidentApplication(), insured: [{ ...accidentInsured('spouse', '李娜', wifeId), relationship: 'friend' as never }] }, accident, '/insured/0/relationship')).toBe('relationship_invalid');
  });

  it('R-POL-5 lets an institution insure its employees and others, never itself or “family”, and only where the product allows it', () => {
    const group = accidentApplication([accidentInsured('employee', '李娜', wifeId), accidentInsured('other', '张伟', grandpaId), accidentInsured('child', '王小明', residentId('110105', '2000-01-01', '333'))]);
    group.policyholder = { kind: 'institution', institution: { name: ' 杭州示例科技有限公司 ', creditCode: '91330100 799655058b', contactName: '李娜', contactPhone: '13912345678', contactEmail: 'HR@Example.cn' } };
    expect(problemsOf(group, accident)).toEqual([{ pointer: '/insured/2/relationship', code: 'family_needs_person' }]);
    group.insured.pop();
    expect(validate(group, accident).application?.policyholder).toEqual({
      kind: 'institution',
      institution: { name: '杭州示例科技有限公司', creditCode: '91330100799655058B', contactName: '李娜', contactPhone: '+8613912345678', contactEmail: 'hr@example.cn' },
    });
    expect(problemsOf(group, { ...accident, allowsInstitution: false })).toEqual([{ pointer: '/policyholder/kind', code: 'institution_not_allowed' }]);
    group.insured[0]!.relationship = 'self';
    expect(problemsOf(group, accident)).toContainEqual({ pointer: '/insured/0/relationship', code: 'self_needs_person' });
  });

  it('R-POL-4 checks an institution’s 统一社会信用代码 and its contact', () => {
    const group = accidentApplication([accidentInsured('employee', '李娜', wifeId)]);
    group.policyholder = { kind: 'institution', institution: { name: '', creditCode: '91330100799655058C', contactName: '李娜1', contactPhone: '1391234' } };
    expect(problemsOf(group, accident)).toEqual([
      { pointer: '/policyholder/institution/name', code: 'required' },
      { pointer: '/policyholder/institution/creditCode', code: 'credit_code_invalid' },
      { pointer: '/policyholder/institution/contactName', code: 'name_characters' },
      { pointer: '/policyholder/institution/contactPhone', code: 'phone_invalid' },
    ]);
    expect(validate(group, accident).problems[0]?.detail).toBe('请填写机构名称。');
  });
});

describe('validateApplication: beneficiaries (R-POL-4)', () => {
  const beneficiary = (number: string, sharePercent: number, relationship: NamedBeneficiary['relationship'] = 'child'): NamedBeneficiary => ({ name: '王小明', idDocument: { type: 'resident_id', number }, relationship, sharePercent });
  const withNamed = (named: NamedBeneficiary[], relationship: InsuredInput['relationship'] = 'spouse') => accidentApplication([accidentInsured(relationship, '李娜', wifeId, { kind: 'named', named })]);

  it('R-POL-4 takes named beneficiaries with valid documents and whole shares summing to 100 on accident cover', () => {
    const { problems, application } = validate(withNamed([beneficiary(childId, 60), beneficiary(grandpaId, 40, 'parent')]), accident);
    expect(problems).toEqual([]);
    expect(application?.insured[0]?.beneficiaries).toEqual({
      kind: 'named',
      named: [
        { name: '王小明', idDocument: expect.objectContaining({ number: childId }), relationship: 'child', sharePercent: 60 },
        { name: '王小明', idDocument: expect.objectContaining({ number: grandpaId }), relationship: 'parent', sharePercent: 40 },
      ],
    });
  });

  it('R-POL-4 keeps travel cover to statutory heirs', () => {
    const input = outboundApplication();
    input.insured[1]!.beneficiaries = { kind: 'named', named: [beneficiary(holderId, 100, 'parent')] };
    expect(problemsOf(input, outbound)).toEqual([{ pointer: '/insured/1/beneficiaries/kind', code: 'named_beneficiary_not_offered' }]);
  });

  it('R-POL-4 refuses bad shares, bad documents, the insured themself, the same person twice, two spouses and none at all', () => {
    expect(problemsOf(withNamed([beneficiary(childId, 60), beneficiary(grandpaId, 30)]), accident)).toEqual([{ pointer: '/insured/0/beneficiaries/named', code: 'shares_not_100' }]);
    expect(problemsOf(withNamed([beneficiary(childId, 0), beneficiary(grandpaId, 50.5)]), accident)).toEqual([
      { pointer: '/insured/0/beneficiaries/named/0/sharePercent', code: 'share_invalid' },
      { pointer: '/insured/0/beneficiaries/named/1/sharePercent', code: 'share_invalid' },
    ]);
    expect(problemsOf(withNamed([beneficiary(`${childId.slice(0, 17)}0`, 100)]), accident)).toEqual([{ pointer: '/insured/0/beneficiaries/named/0/idDocument/number', code: 'id_check_digit' }]);
    expect(problemsOf(withNamed([beneficiary(wifeId, 100)]), accident)).toEqual([{ pointer: '/insured/0/beneficiaries/named/0/idDocument/number', code: 'beneficiary_is_insured' }]);
    expect(problemsOf(withNamed([beneficiary(childId, 50), beneficiary(childId, 50)]), accident)).toEqual([{ pointer: '/insured/0/beneficiaries/named/1/idDocument/number', code: 'beneficiary_twice' }]);
    expect(problemsOf(withNamed([beneficiary(childId, 50, 'spouse'), beneficiary(grandpaId, 50, 'spouse')]), accident)).toEqual([{ pointer: '/insured/0/beneficiaries/named/1/relationship', code: 'beneficiary_spouse_twice' }]);
    expect(problemsOf(withNamed([]), accident)).toEqual([{ pointer: '/insured/0/beneficiaries/named', code: 'beneficiaries_required' }]);
  });

  it('R-POL-4 lets an employer name only the employee’s close relatives (保险法 art. 39)', () => {
    const input = withNamed([beneficiary(childId, 50, 'child'), beneficiary(grandpaId, 50, 'other')], 'employee');
    input.policyholder = { kind: 'institution', institution: { name: '杭州示例科技有限公司', creditCode: '91330100799655058B', contactName: '李娜', contactPhone: '13912345678' } };
    expect(problemsOf(input, accident)).toEqual([{ pointer: '/insured/0/beneficiaries/named/1/relationship', code: 'beneficiary_not_next_of_kin' }]);
  });

  const ids = Array.from({ length: 6 }, (_, index) => residentId('310115', `1960-01-0${index + 1}`, '222'));

  it('R-POL-4 property: any split of 100 into whole shares is accepted', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 5 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), 100];
        const shares = points.slice(1).map((point, index) => point - (points[index] as number));
        expect(problemsOf(withNamed(shares.map((share, index) => beneficiary(ids[index] as string, share))), accident)).toEqual([]);
      }),
    );
  });

  it('R-POL-4 property: whole shares adding up to anything but 100 are refused', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }).filter((shares) => shares.reduce((sum, share) => sum + share, 0) !== 100),
        (shares) => {
          expect(problemsOf(withNamed(shares.map((share, index) => beneficiary(ids[index] as string, share))), accident)).toEqual([{ pointer: '/insured/0/beneficiaries/named', code: 'shares_not_100' }]);
        },
      ),
    );
  });
});

describe('validateApplication: health declaration (R-POL-6)', () => {
  const withAnswers = (healthAnswers: Record<string, boolean> | undefined) => ({
    ...accidentApplication(),
    insured: [{ relationship: 'spouse' as const, person: { name: '李娜', idDocument: { type: 'resident_id' as const, number: wifeId } }, beneficiaries: { kind: 'statutory' as const }, ...(healthAnswers && { healthAnswers }) }],
  });

  it('R-POL-6 wants every question answered, no unknown question, and keeps the answers', () => {
    expect(validate(withAnswers({ q1: false, 'q2/hospital': false }), medical).application?.insured[0]?.healthAnswers).toEqual({ q1: false, 'q2/hospital': false });
    expect(problemsOf(withAnswers({ q1: false, q3: false }), medical)).toEqual([
      { pointer: '/insured/0/healthAnswers/q3', code: 'health_question_unknown' },
      { pointer: '/insured/0/healthAnswers/q2~1hospital', code: 'health_unanswered' },
    ]);
    expect(problemsOf(withAnswers(undefined), medical)).toEqual([{ pointer: '/insured/0/healthAnswers', code: 'required' }]);
  });

  it('R-POL-6 declines a person who answers yes, without saying which answer', () => {
    const { problems } = validate(withAnswers({ q1: false, 'q2/hospital': true }), medical);
    expect(problems).toEqual([{ pointer: '/insured/0/healthAnswers', code: 'health_declined', detail: expect.stringContaining('根据健康告知，被保险人暂不符合本产品的投保条件') }]);
    expect(problems[0]?.detail).not.toMatch(/q2|hospital/);
  });
});

describe('validateApplication: dates of cover (R-POL-4)', () => {
  const dated = (startDate: string | undefined, endDate: string | undefined) => ({ ...outboundApplication(), startDate, endDate }) as ApplicationInput;

  it('R-POL-4 starts cover tomorrow in Beijing at the earliest and keeps the days within the product’s range', () => {
    expect(problemsOf(dated(today, '2026-03-17'), outbound)).toEqual([{ pointer: '/startDate', code: 'start_date_too_early' }]);
    expect(problemsOf(dated('2026-02-30', '2026-03-17'), outbound)).toEqual([{ pointer: '/startDate', code: 'date_invalid' }]);
    expect(problemsOf(dated(tomorrow, '2026-03-10'), outbound)).toEqual([{ pointer: '/endDate', code: 'end_before_start' }]);
    expect(problemsOf(dated(tomorrow, tomorrow), outbound)).toEqual([]);
    expect(problemsOf(dated(tomorrow, '2026-06-10'), outbound)).toEqual([]);
    expect(problemsOf(dated(tomorrow, '2026-06-11'), outbound)).toEqual([{ pointer: '/endDate', code: 'period_too_long' }]);
    expect(problemsOf(dated(tomorrow, undefined), outbound)).toEqual([{ pointer: '/endDate', code: 'required' }]);
    expect(problemsOf({ ...accidentApplication(), endDate: '2027-03-09' }, accident)).toEqual([{ pointer: '/endDate', code: 'period_too_short' }]);
    expect(validate(dated(tomorrow, '2026-06-11'), outbound, 'en').problems[0]?.detail).toBe('Cover lasts at most 92 days (first and last day included).');
  });

  it('R-POL-4 defaults today to the date in Beijing', () => {
    const result = validateApplication({ ...outboundApplication(), startDate: '2020-01-01', endDate: '2020-01-02' }, outbound, { language: 'zh-CN' });
    expect(result.problems).toContainEqual(expect.objectContaining({ pointer: '/startDate', code: 'start_date_too_early' }));
  });
});

describe('validateApplication: every problem at once, never the values typed (R-POL-4)', () => {
  it('R-POL-4 reports all problems of all sections together', () => {
    const input = outboundApplication();
    input.startDate = today;
    Object.assign(input.policyholder.kind === 'person' ? input.policyholder.person : {}, { phone: '1', email: '' });
    input.insured[1]!.person.namePinyin = '拼音';
    input.insured.push({ relationship: 'spouse', person: {}, beneficiaries: { kind: 'statutory' } });
    expect(problemsOf(input, outbound).map((problem) => problem.pointer).sort()).toEqual([
      '/policyholder/person/phone',
      '/policyholder/person/email',
      '/insured/1/person/namePinyin',
      '/insured/2/person/name',
      '/insured/2/person/namePinyin',
      '/insured/2/person/passportNumber',
      '/insured/2/person/birthDate',
      '/insured/2/person/sex',
      '/startDate',
    ].sort());
  });

  it('R-POL-4 property: no problem text in either language contains a value the person typed', () => {
    fc.assert(
      fc.property(fc.constantFrom<'zh-CN' | 'en'>('zh-CN', 'en'), fc.integer({ min: 0, max: 9 }), (language, digit) => {
        const pi = buildPersonPi();
        const typed = {
          name: `${pi.name}${digit}`,
          idNumber: `${pi.idNumber.slice(0, 17)}${(Number(pi.idNumber[17]) + 1) % 10}`,
          phone: `${pi.phone}${digit}`,
          email: pi.email.replace('@', '#'),
          passport: `${pi.passport}${digit}${digit}${digit}${digit}${digit}${digit}${digit}${digit}${digit}${digit}${digit}${digit}`,
          pinyin: `${pi.name} PINYIN`,
          birthDate: `${pi.birthDate.slice(0, 8)}32`,
          creditCode: `9133010079965505${digit}X`,
          beneficiary: `${pi.name}${pi.name}1`,
        };
        const input = accidentApplication([
          { relationship: 'spouse', person: { name: typed.name, idDocument: { type: 'resident_id', number: typed.idNumber }, occupationClass: 1 }, beneficiaries: { kind: 'named', named: [{ name: typed.beneficiary, idDocument: { type: 'passport', number: typed.passport }, relationship: 'child', sharePercent: 100 }] } },
        ]);
        input.policyholder = { kind: 'institution', institution: { name: 'Besttrav', creditCode: typed.creditCode, contactName: typed.name, contactPhone: typed.phone, contactEmail: typed.email } };
        const travel = { ...outboundApplication(), policyholder: { kind: 'person' as const, person: { name: typed.name, idDocument: { type: 'resident_id' as const, number: typed.idNumber }, phone: typed.phone, email: typed.email } } };
        travel.insured[1]!.person = { name: typed.name, namePinyin: typed.pinyin, passportNumber: typed.passport, birthDate: typed.birthDate, sex: 'male' };
        const problems = [...validateApplication(input, accident, { today, language }).problems, ...validateApplication(travel, outbound, { today, language }).problems];
        expect(problems.length).toBeGreaterThan(8);
        for (const { detail } of problems) {
          for (const value of [...Object.values(typed), pi.name, pi.idNumber.slice(0, 17), pi.phone, pi.passport]) expect(detail).not.toContain(value);
        }
      }),
      { numRuns: 40 },
    );
  });
});
