/**
 * Shapes of personal information that can hide inside free text (URLs, error messages, third-party
 * error strings). Used to scrub log lines and anything else that leaves the process as text.
 * Ordered so that the longest, most specific shape is replaced first.
 */
export const piTextPatterns: ReadonlyArray<{ label: string; pattern: RegExp }> = [
  // Local parts may hold any of RFC 5322's atext characters, not just letters and dots.
  { label: 'email', pattern: /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  // 居民身份证: 17 digits and a digit or X check character.
  { label: 'id-number', pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g },
  // Bank cards: 13–19 digits, run together or grouped in fours by spaces or dashes.
  { label: 'card', pattern: /(?<!\d)\d{13,19}(?!\d)/g },
  { label: 'card', pattern: /(?<!\d)\d{4}(?:[ -]\d{4}){2}[ -]\d{1,7}(?!\d)/g },
  // Mainland mobile numbers, with or without +86 / 86 and separators.
  { label: 'phone', pattern: /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g },
  // Passports and permits: a letter or two followed by 7–9 digits (E12345678, G1234567, C12345678).
  { label: 'document-number', pattern: /(?<![0-9A-Za-z])[A-Za-z]{1,2}\d{7,9}(?![0-9A-Za-z])/g },
];

/**
 * Object keys whose values are personal information or secrets, compared after lower-casing and
 * removing '_', '-' and spaces. A key matches if it equals one of these or ends with one of them
 * (so `insuredName`, `holder_phone` and `x-auth-token` are caught).
 */
export const piKeySuffixes: readonly string[] = [
  'name', 'fullname', 'realname', 'surname',
  'phone', 'mobile', 'tel', 'telephone', 'phonenumber',
  'idnumber', 'idno', 'idcard', 'certno', 'certificateno', 'identitynumber', 'passport', 'passportno',
  'bankcard', 'cardno', 'cardnumber', 'accountnumber', 'iban', 'pan',
  'email', 'mail',
  'address', 'addr', 'street',
  'birthdate', 'birthday', 'dob',
  'diagnosis', 'medicalrecord', 'healthanswers',
  'password', 'passcode', 'secret', 'token', 'otp', 'smscode', 'verificationcode', 'totp',
  'cookie', 'setcookie', 'authorization', 'apikey',
];

// Keys that end like a PI key but are not personal: names of things, not of people.
const notPersonalKeys = new Set(['hostname', 'pathname', 'filename', 'routename', 'jobname', 'queuename', 'name_en', 'eventname', 'tablename', 'columnname', 'username_hash']);

export function isPiKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[_\-\s]/g, '');
  if (notPersonalKeys.has(key.toLowerCase()) || notPersonalKeys.has(normalised)) return false;
  return piKeySuffixes.some((suffix) => normalised === suffix || normalised.endsWith(suffix));
}
