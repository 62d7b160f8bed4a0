/**
 * The rules of the free-text fields of the 个人信息 page (R-ACC-4), shared by the server (which refuses)
 * and the web page (which checks as the person types). Identity documents follow
 * identity-documents.ts. Every field is optional: an empty value means "not given".
 */

type Language = 'zh-CN' | 'en';

export const PROFILE_TEXT_FIELDS = ['name', 'company', 'email', 'address', 'otherInfo'] as const;
export type ProfileTextField = (typeof PROFILE_TEXT_FIELDS)[number];
export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const PROFILE_TEXT_LIMITS: Record<ProfileTextField, number> = { name: 50, company: 100, email: 254, address: 200, otherInfo: 500 };

export type ProfileTextProblem = 'too_long' | 'name_characters' | 'email_format';
export type ProfileText = { isValid: true; value: string | null } | { isValid: false; problem: ProfileTextProblem };

// Letters of any script with their marks, and what names contain between them: spaces, the middle
// dot of transliterated names (阿沛·阿旺晋美), apostrophes, hyphens, full stops.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} ·•'’.-]*$/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Control characters never belong in these fields; other information may keep its line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** Trims, folds runs of spaces, drops control characters; an empty result is "not given" (null). */
export function checkProfileText(field: ProfileTextField, raw: string): ProfileText {
  let value = raw.replace(CONTROL, '');
  value = field === 'otherInfo' ? value.replace(/\r\n?/g, '\n').trim() : value.replace(/\s+/g, ' ').trim();
  if (field === 'email') value = value.replace(/\s/g, '');
  if (value === '') return { isValid: true, value: null };
  if ([...value].length > PROFILE_TEXT_LIMITS[field]) return { isValid: false, problem: 'too_long' };
  if (field === 'name' && !NAME.test(value)) return { isValid: false, problem: 'name_characters' };
  if (field === 'email' && !EMAIL.test(value)) return { isValid: false, problem: 'email_format' };
  return { isValid: true, value };
}

const texts: Record<ProfileTextProblem, Record<Language, string>> = {
  too_long: { 'zh-CN': '最多 {max} 个字。', en: 'At most {max} characters.' },
  name_characters: { 'zh-CN': '姓名只能包含文字、空格、间隔号“·”和连字符。', en: 'A name may contain letters, spaces, the middle dot “·” and hyphens only.' },
  email_format: { 'zh-CN': '请填写有效的电子邮箱地址，例如 name@example.com。', en: 'Please enter a valid e-mail address, such as name@example.com.' },
};

/** What to tell the person, in their language; never repeats what they typed. */
export function profileTextProblemText(field: ProfileTextField, problem: ProfileTextProblem, language: Language): string {
  return texts[problem][language].replace('{max}', String(PROFILE_TEXT_LIMITS[field]));
}

/** A gender chosen against an identity document already saved whose number says otherwise. */
export const genderMismatchText: Record<Language, string> = {
  'zh-CN': '所选性别与已保存的证件号码显示的性别不一致。',
  en: 'This gender differs from the sex shown by the saved document number.',
};

export const genderNames: Record<Gender, Record<Language, string>> = {
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
};
