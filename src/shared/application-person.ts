// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
import type { PersonInput, ValidInstitution, ValidPerson } from './application.ts';
import { pointerOf, type ProblemList } from './application-problems.ts';
import { occupationClassNames, type ApplicantField } from './catalogue/terms.ts';
import { isValidCreditCode, normaliseCreditCode } from './credit-code.ts';
import { ID_DOCUMENT_TYPES, isCalendarDate, validateIdDocument, type IdDocumentType, type IdProblem, type Sex, type ValidIdDocument } from './identity-documents.ts';
import { parseMainlandMobile } from './mobile-phone.ts';
import { checkProfileText } from './profile-fields.ts';

/** What the checks of one application share: where problems go, and the date that is "today" in Beijing. */
export interface CheckContext {
  problems: ProblemList;
  today: string;
}

/** The applicant field each key of PersonInput belongs to: a key whose field is not asked is refused. */
export const PERSON_KEY_FIELDS: Record<keyof PersonInput, ApplicantField> = {
  name: 'name',
  namePinyin: 'name_pinyin',
  idDocument: 'id_number',
  passportNumber: 'passport_number',
  passportCountry: 'passport_number',
  birthDate: 'birth_date',
  sex: 'sex',
  phone: 'phone',
  email: 'email',
  occupationClass: 'occupation',
};

// Chinese characters or Latin letters (with their accents), and what names hold between them.
const HAN_OR_LATIN_NAME = /^[\p{Script=Han}\p{Script=Latin}][\p{Script=Han}\p{Script=Latin}\p{M} ·•'’.-]*$/u;
const PINYIN = /^[A-Z]+( [A-Z]+)*$/;
const PINYIN_MAX_LETTERS = 100;
const ID_DOCUMENT_KEYS = new Set<string>(['type', 'number', 'issuingCountry']);
const INSTITUTION_KEYS = new Set<string>(['name', 'creditCode', 'contactName', 'contactPhone', 'contactEmail']);
const SEXES: readonly unknown[] = ['male', 'female'] satisfies Sex[];

export const isGiven = (value: unknown): boolean => value !== undefined && value !== null;
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
export const recordOf = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {});

/** Data minimisation: any key the form has no place for is refused, whatever its value. */
export function refuseUnaskedKeys(input: Record<string, unknown>, isAsked: (key: string) => boolean, at: string, check: CheckContext): void {
  for (const [key, value] of Object.entries(input)) {
    if (isGiven(value) && !isAsked(key)) check.problems.add(`${at}${pointerOf(key)}`, 'field_not_asked');
  }
}

/** A person's name: 1–50 characters, Chinese or Latin, trimmed with runs of spaces folded. */
export function checkName(raw: unknown, pointer: string, check: CheckContext): string | undefined {
  const result = checkProfileText('name', textOf(raw));
  if (result.isValid && result.value === null) return void check.problems.required(pointer, 'name');
  if (!result.isValid && result.problem !== 'name_characters') return void check.problems.addTextProblem(pointer, result.problem, 'name');
  if (!result.isValid || !HAN_OR_LATIN_NAME.test(result.value ?? '')) return void check.problems.add(pointer, 'name_characters');
  return result.value ?? undefined;
}

export function checkMobile(raw: unknown, pointer: string, check: CheckContext): string | undefined {
  if (textOf(raw).trim() === '') return void check.problems.required(pointer);
  return parseMainlandMobile(textOf(raw)) ?? void check.problems.add(pointer, 'phone_invalid');
}

function checkEmail(raw: unknown, pointer: string, check: CheckContext): string | undefined {
  const result = checkProfileText('email', textOf(raw));
  if (!result.isValid) return void check.problems.addTextProblem(pointer, result.problem, 'email');
  return result.value?.toLowerCase() ?? void check.problems.required(pointer);
}

/**
 * An identity document through identity-documents.ts; what the number says must agree with the birth
 * date and sex the same person stated (a disagreement points at the stated field).
 */
export function checkIdDocument(raw: unknown, at: string, check: CheckContext, stated: StatedFacts = {}): ValidIdDocument | undefined {
  if (typeof raw !== 'object' || raw === null) return void check.problems.required(at);
  const input = recordOf(raw);
  refuseUnaskedKeys(input, (key) => ID_DOCUMENT_KEYS.has(key), at, check);
  const type = input.type as IdDocumentType;
  if (!ID_DOCUMENT_TYPES.includes(type)) return void check.problems.add(`${at}/type`, 'id_type_invalid');
  const country = typeof input.issuingCountry === 'string' ? input.issuingCountry : null;
  return checkDocumentNumber({ type, number: textOf(input.number), issuingCountry: country }, check, stated, { number: `${at}/number`, country: `${at}/issuingCountry` });
}

/** What a person stated elsewhere in their section (`at`), which their document's number must agree with. */
export interface StatedFacts {
  birthDate?: string;
  sex?: Sex;
  at?: string;
}

function checkDocumentNumber(
  input: { type: IdDocumentType; number: string; issuingCountry: string | null },
  check: CheckContext,
  stated: StatedFacts,
  pointers: { number: string; country: string },
): ValidIdDocument | undefined {
  const result = validateIdDocument(input, { today: check.today, stated });
  if (result.isValid) return result.document;
  const statedAt = stated.at ?? '';
  const elsewhere: Partial<Record<IdProblem, string>> = { country_invalid: pointers.country, birth_date_mismatch: `${statedAt}/birthDate`, sex_mismatch: `${statedAt}/sex` };
  const pointer = elsewhere[result.problem] ?? pointers.number;
  check.problems.addIdProblem(pointer, result.problem, input.type);
  return undefined;
}

function checkBirthDate(raw: unknown, pointer: string, check: CheckContext): string | undefined {
  const value = textOf(raw).trim();
  if (value === '') return void check.problems.required(pointer);
  if (!isCalendarDate(value)) return void check.problems.add(pointer, 'birth_date_invalid');
  if (value > check.today) return void check.problems.add(pointer, 'birth_date_future');
  return value;
}

function checkPinyin(raw: unknown, pointer: string, check: CheckContext): string | undefined {
  const value = textOf(raw).replace(/\s+/g, ' ').trim().toUpperCase();
  if (value === '') return void check.problems.required(pointer);
  if (!PINYIN.test(value) || value.replaceAll(' ', '').length > PINYIN_MAX_LETTERS) return void check.problems.add(pointer, 'pinyin_format');
  return value;
}

/**
 * The fields of one natural person: only those asked may be present (data minimisation), every asked
 * one must be. Returns what passed, so later checks (ages, duplicates) can still run on it.
 */
export function checkPerson(raw: unknown, asked: ReadonlySet<ApplicantField>, at: string, check: CheckContext): ValidPerson {
  const input = recordOf(raw);
  refuseUnaskedKeys(input, (key) => Object.hasOwn(PERSON_KEY_FIELDS, key) && asked.has(PERSON_KEY_FIELDS[key as keyof PersonInput]), at, check);
  const given = (field: ApplicantField, key: keyof PersonInput): boolean => {
    if (!asked.has(field)) return false;
    if (isGiven(input[key])) return true;
    check.problems.required(`${at}/${key}`);
    return false;
  };

  const person: ValidPerson = {};
  if (given('name', 'name')) person.name = checkName(input.name, `${at}/name`, check);
  if (given('name_pinyin', 'namePinyin')) person.namePinyin = checkPinyin(input.namePinyin, `${at}/namePinyin`, check);
  if (given('birth_date', 'birthDate')) person.birthDate = checkBirthDate(input.birthDate, `${at}/birthDate`, check);
  if (given('sex', 'sex')) person.sex = SEXES.includes(input.sex) ? (input.sex as Sex) : void check.problems.add(`${at}/sex`, 'sex_invalid');
  if (given('id_number', 'idDocument')) {
    const stated = { ...(person.birthDate && { birthDate: person.birthDate }), ...(person.sex && { sex: person.sex }) };
    person.idDocument = checkIdDocument(input.idDocument, `${at}/idDocument`, check, { ...stated, at });
  }
  if (given('passport_number', 'passportNumber')) {
    const passport = checkDocumentNumber(
      { type: 'passport', number: textOf(input.passportNumber), issuingCountry: textOf(input.passportCountry) || null },
      check,
      {},
      { number: `${at}/passportNumber`, country: `${at}/passportCountry` },
    );
    if (passport) Object.assign(person, { passportNumber: passport.number, passportCountry: passport.issuingCountry ?? 'CN' });
  }
  if (given('phone', 'phone')) person.phone = checkMobile(input.phone, `${at}/phone`, check);
  if (given('email', 'email')) person.email = checkEmail(input.email, `${at}/email`, check);
  if (given('occupation', 'occupationClass')) {
    const occupation = input.occupationClass;
    const isClass = typeof occupation === 'number' && Number.isInteger(occupation) && occupationClassNames[occupation] !== undefined;
    person.occupationClass = isClass ? occupation : void check.problems.add(`${at}/occupationClass`, 'occupation_invalid');
  }
  return withoutUndefined(person);
}

/** An institution as policyholder: its name, 统一社会信用代码 and the operator's contact. */
export function checkInstitution(raw: unknown, at: string, check: CheckContext): ValidInstitution | undefined {
  const input = recordOf(raw);
  refuseUnaskedKeys(input, (key) => INSTITUTION_KEYS.has(key), at, check);
  const nameResult = checkProfileText('company', textOf(input.name));
  let name: string | undefined;
  if (!nameResult.isValid) check.problems.addTextProblem(`${at}/name`, nameResult.problem, 'company');
  else if (nameResult.value === null) check.problems.required(`${at}/name`, 'institutionName');
  else name = nameResult.value;
  const creditCode = normaliseCreditCode(textOf(input.creditCode));
  if (creditCode === '') check.problems.required(`${at}/creditCode`);
  else if (!isValidCreditCode(creditCode)) check.problems.add(`${at}/creditCode`, 'credit_code_invalid');
  const contactName = checkName(input.contactName, `${at}/contactName`, check);
  const contactPhone = checkMobile(input.contactPhone, `${at}/contactPhone`, check);
  const contactEmail = textOf(input.contactEmail).trim() === '' ? undefined : checkEmail(input.contactEmail, `${at}/contactEmail`, check);
  if (name === undefined || !isValidCreditCode(creditCode) || contactName === undefined || contactPhone === undefined) return undefined;
  return { name, creditCode, contactName, contactPhone, ...(contactEmail && { contactEmail }) };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
