// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A mainland China mobile number in E.164 (+8613800138000), from whatever people type: spaces,
 * dashes, with or without +86; null for anything else. The page checks as the person types with the
 * same rule the server refuses by.
 */
export function parseMainlandMobile(input: string): string | null {
  // Only digits and the usual separators: the parser would otherwise read "x…" as an extension.
  if (!/^[+\d\s()-]+$/.test(input)) return null;
  const parsed = parsePhoneNumberFromString(input.trim(), 'CN');
  const type = parsed?.getType();
  const isMobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  if (!parsed || parsed.country !== 'CN' || !parsed.isValid() || !isMobile) return null;
  return parsed.number;
}

/** 138****8000: enough for a person to recognise their number, not enough to use it. */
export function maskMobile(e164: string): string {
  const national = e164.replace(/^\+86/, '');
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}
