// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.

/**
 * 统一社会信用代码 of GB 32100-2015: 18 characters from 31 (digits and upper-case letters without
 * I, O, Z, S, V, which are too easily misread), the last a MOD 31 check character over the first 17
 * weighted by 3^i mod 31.
 */
const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// Registration authority, organisation category, 6-digit region (GB/T 2260), 9-character body and check.
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** The form in which codes are compared and stored: full-width folded, no spaces, upper case. */
export function normaliseCreditCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The 18th character for the first 17 (which must already be of the code's alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('creditCodeCheckCharacter needs 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CHARACTERS.indexOf(first17[i] as string);
    if (value < 0) throw new Error('creditCodeCheckCharacter met a character outside GB 32100');
    sum += value * (WEIGHTS[i] as number);
  }
  return CHARACTERS[(31 - (sum % 31)) % 31] as string;
}

/** Is this (already normalised) code of the GB 32100-2015 shape with a matching check character? */
export function isValidCreditCode(code: string): boolean {
  return SHAPE.test(code) && creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}
