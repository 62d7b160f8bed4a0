import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { AppError } from '../../errors/app-error.ts';

/**
 * A mainland China mobile number in E.164 (+8613800138000), from whatever people type: spaces,
 * dashes, with or without +86. Anything else is refused with invalid_phone (the value is never echoed).
 */
export function normaliseMobile(input: string): string {
  // Only digits and the usual separators: the parser would otherwise read "x…" as an extension.
  if (!/^[+\d\s()-]+$/.test(input)) throw new AppError('invalid_phone', 'Phone contains characters other than digits and separators');
  const parsed = parsePhoneNumberFromString(input.trim(), 'CN');
  const type = parsed?.getType();
  const isMobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  if (!parsed || parsed.country !== 'CN' || !parsed.isValid() || !isMobile) {
    throw new AppError('invalid_phone', 'Not a valid mainland mobile number');
  }
  return parsed.number;
}

/** 138****8000: enough for a person to recognise their number, not enough to use it. */
export function maskMobile(e164: string): string {
  const national = e164.replace(/^\+86/, '');
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}
