/**
 * Identity documents of people in mainland China, shared by the server (which refuses invalid ones)
 * and the web pages (which check as the person types): 居民身份证, passports, 港澳居民来往内地通行证,
 * 台湾居民来往大陆通行证 and 港澳台居民居住证. Pure functions, no dependencies: the purchase flow and
 * the minors' flow use the same rules (birthDateOf, ageOn).
 *
 * Dates are calendar dates as 'YYYY-MM-DD' strings; "today" is the date in Beijing.
 */

export const ID_DOCUMENT_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'hmt_residence_permit'] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];
export type Sex = 'male' | 'female';
type Language = 'zh-CN' | 'en';

export interface IdDocumentInput {
  type: IdDocumentType;
  number: string;
  /** ISO 3166-1 alpha-2 code of the issuing country; passports only (default CN). */
  issuingCountry?: string | null;
}

/** A document that passed validation, with its number normalised and what the number tells. */
export interface ValidIdDocument {
  type: IdDocumentType;
  number: string;
  issuingCountry: string | null;
  /** From the number of a 居民身份证 or 居住证; null for documents whose number does not say. */
  birthDate: string | null;
  sex: Sex | null;
}

export type IdProblem =
  | 'required'
  | 'format'
  | 'region'
  | 'birth_date_invalid'
  | 'birth_date_future'
  | 'check_digit'
  | 'country_invalid'
  | 'birth_date_mismatch'
  | 'sex_mismatch';

export type IdValidation = { isValid: true; document: ValidIdDocument } | { isValid: false; problem: IdProblem };

export interface IdValidationOptions {
  /** The date to check birth dates against; default today in Beijing. */
  today?: string;
  /** What the person stated elsewhere in the form: the number must agree with it. */
  stated?: { birthDate?: string | null; sex?: Sex | null };
}

export const idDocumentTypeNames: Record<IdDocumentType, Record<Language, string>> = {
  resident_id: { 'zh-CN': '居民身份证', en: 'Resident identity card' },
  passport: { 'zh-CN': '护照', en: 'Passport' },
  hk_macao_permit: { 'zh-CN': '港澳居民来往内地通行证', en: 'Mainland travel permit for Hong Kong and Macao residents' },
  taiwan_permit: { 'zh-CN': '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents' },
  hmt_residence_permit: { 'zh-CN': '港澳台居民居住证', en: 'Residence permit for Hong Kong, Macao and Taiwan residents' },
};

// ISO 7064 MOD 11-2 as GB 11643-1999 applies it: weight 2^(17-i) mod 11, check character by remainder.
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

// Province-level codes of GB/T 2260 that issue 居民身份证 (the first two digits of the address code).
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']);
const OLDEST_BIRTH_YEAR = 1880;

/**
 * The form in which numbers are compared, stored and blind-indexed: full-width characters folded
 * (NFKC), spaces removed, letters upper-case (a trailing x becomes X).
 */
export function normaliseIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The 18th character of a 居民身份证 or 居住证 number for its first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckCharacter needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (CHECK_WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

export function hasValidCheckCharacter(number18: string): boolean {
  return /^\d{17}[\dX]$/.test(number18) && residentIdCheckCharacter(number18.slice(0, 17)) === number18[17];
}

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date in Beijing (UTC+8, no daylight saving), as 'YYYY-MM-DD'. */
export function todayInBeijing(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Does this 18-character number carry a birth date and sex (居民身份证, 居住证)? */
function isEighteenCharacterNumber(type: IdDocumentType): boolean {
  return type === 'resident_id' || type === 'hmt_residence_permit';
}

/**
 * The birth date in an 18-character 居民身份证 or 居住证 number, or null when the number does not
 * have that shape or its date does not exist. Does not check the check character.
 */
export function birthDateOf(idNumber: string): string | null {
  const normalised = normaliseIdNumber(idNumber);
  if (!/^\d{17}[\dX]$/.test(normalised)) return null;
  const date = `${normalised.slice(6, 10)}-${normalised.slice(10, 12)}-${normalised.slice(12, 14)}`;
  return isCalendarDate(date) ? date : null;
}

/** The sex in an 18-character number: the 17th digit is odd for men, even for women. */
export function sexOf(idNumber: string): Sex | null {
  const normalised = normaliseIdNumber(idNumber);
  if (!/^\d{17}[\dX]$/.test(normalised)) return null;
  return Number(normalised[16]) % 2 === 1 ? 'male' : 'female';
}

/**
 * Age in full years on a date (a 'YYYY-MM-DD' string, or a Date taken as that day in Beijing). A
 * person born on 29 February becomes a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, on: string | Date): number {
  const day = typeof on === 'string' ? on : todayInBeijing(on);
  if (!isCalendarDate(birthDate) || !isCalendarDate(day)) throw new Error('ageOn needs YYYY-MM-DD dates');
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

function validateEighteen(type: IdDocumentType, number: string, today: string): IdProblem | ValidIdDocument {
  if (!/^\d{17}[\dX]$/.test(number)) return 'format';
  if (type === 'resident_id' ? !PROVINCES.has(number.slice(0, 2)) : !/^8[123]0000/.test(number)) return 'region';
  const birthDate = birthDateOf(number);
  if (birthDate === null || Number(birthDate.slice(0, 4)) < OLDEST_BIRTH_YEAR) return 'birth_date_invalid';
  if (birthDate > today) return 'birth_date_future';
  if (!hasValidCheckCharacter(number)) return 'check_digit';
  return { type, number, issuingCountry: null, birthDate, sex: sexOf(number) };
}

// Ordinary passports of the PRC: E + 8 digits, E + letter + 7 digits (since the digits ran out), G + 8 digits.
const CHINESE_PASSPORT = /^(E[0-9A-HJ-NP-Z]\d{7}|G\d{8})$/;

function validatePassport(number: string, issuingCountry: string | null | undefined): IdProblem | ValidIdDocument {
  const country = normaliseIdNumber(issuingCountry ?? 'CN');
  if (!/^[A-Z]{2}$/.test(country)) return 'country_invalid';
  const isValid = country === 'CN' ? CHINESE_PASSPORT.test(number) : /^[A-Z0-9]{5,20}$/.test(number);
  return isValid ? { type: 'passport', number, issuingCountry: country, birthDate: null, sex: null } : 'format';
}

/**
 * Checks a document number for its type and, when the number tells a birth date and sex, that they
 * exist, are not in the future and agree with what the person stated. Returns the normalised
 * document or the first problem found (in the order a person would fix them).
 */
export function validateIdDocument(input: IdDocumentInput, options: IdValidationOptions = {}): IdValidation {
  const number = normaliseIdNumber(input.number);
  if (number === '') return { isValid: false, problem: 'required' };
  const today = options.today ?? todayInBeijing();
  let result: IdProblem | ValidIdDocument;
  if (isEighteenCharacterNumber(input.type)) result = validateEighteen(input.type, number, today);
  else if (input.type === 'passport') result = validatePassport(number, input.issuingCountry);
  else if (input.type === 'hk_macao_permit') result = /^[HM](\d{8}|\d{10})$/.test(number) ? plain(input.type, number) : 'format';
  else result = /^\d{8}$/.test(number) ? plain(input.type, number) : 'format';
  if (typeof result === 'string') return { isValid: false, problem: result };

  const stated = options.stated ?? {};
  if (result.birthDate && stated.birthDate && stated.birthDate !== result.birthDate) return { isValid: false, problem: 'birth_date_mismatch' };
  if (result.sex && stated.sex && stated.sex !== result.sex) return { isValid: false, problem: 'sex_mismatch' };
  return { isValid: true, document: result };
}

function plain(type: IdDocumentType, number: string): ValidIdDocument {
  return { type, number, issuingCountry: null, birthDate: null, sex: null };
}

/**
 * The value to blind-index for finding a document again: type, issuing country (passports) and the
 * normalised number, so the same digits on different kinds of document never collide.
 */
export function idDocumentLookupKey(document: Pick<ValidIdDocument, 'type' | 'number' | 'issuingCountry'>): string {
  return `${document.type}:${document.issuingCountry ?? ''}:${document.number}`;
}

const formatHints: Record<IdDocumentType, Record<Language, string>> = {
  resident_id: { 'zh-CN': '居民身份证号码应为 18 位：17 位数字加 1 位数字或字母 X。', en: 'A resident ID number has 18 characters: 17 digits and a digit or the letter X.' },
  passport: {
    'zh-CN': '护照号码应为 5–20 位字母或数字；中国护照为 E 或 G 开头的 9 位号码。',
    en: 'A passport number has 5–20 letters or digits; a Chinese passport number is 9 characters starting with E or G.',
  },
  hk_macao_permit: { 'zh-CN': '港澳居民来往内地通行证号码应为 H 或 M 加 8 位或 10 位数字。', en: 'The permit number is H or M followed by 8 or 10 digits.' },
  taiwan_permit: { 'zh-CN': '台湾居民来往大陆通行证号码应为 8 位数字。', en: 'The permit number has 8 digits.' },
  hmt_residence_permit: { 'zh-CN': '居住证号码应为 18 位，以 81、82 或 83 开头。', en: 'A residence permit number has 18 characters and starts with 81, 82 or 83.' },
};

const problemTexts: Record<Exclude<IdProblem, 'format'>, Record<Language, string>> = {
  required: { 'zh-CN': '请填写证件号码。', en: 'Please enter the document number.' },
  region: { 'zh-CN': '证件号码的前 6 位（地址码）不正确，请核对。', en: 'The first 6 digits (the region code) are not right. Please check the number.' },
  birth_date_invalid: { 'zh-CN': '证件号码中的出生日期（第 7–14 位）不存在，请核对。', en: 'The birth date in the number (digits 7–14) does not exist. Please check the number.' },
  birth_date_future: { 'zh-CN': '证件号码中的出生日期晚于今天，请核对。', en: 'The birth date in the number is after today. Please check the number.' },
  check_digit: { 'zh-CN': '证件号码的校验位（最后一位）不正确，可能有数字输错了，请核对。', en: 'The last character (the check digit) does not match: a digit may be mistyped. Please check the number.' },
  country_invalid: { 'zh-CN': '请选择护照的签发国家或地区。', en: 'Please choose the country that issued the passport.' },
  birth_date_mismatch: { 'zh-CN': '证件号码中的出生日期与填写的出生日期不一致。', en: 'The birth date in the number differs from the birth date given.' },
  sex_mismatch: { 'zh-CN': '证件号码显示的性别与填写的性别不一致。', en: 'The sex the number shows differs from the gender given.' },
};

/** What to tell the person about a problem, in their language. Never contains the number itself. */
export function idProblemText(problem: IdProblem, type: IdDocumentType, language: Language): string {
  return problem === 'format' ? formatHints[type][language] : problemTexts[problem][language];
}
