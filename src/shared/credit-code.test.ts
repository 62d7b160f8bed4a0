import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, isValidCreditCode, normaliseCreditCode } from './credit-code.ts';

const CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const codeCharacter = fc.constantFrom(...CHARACTERS);
const digit = fc.constantFrom(...'0123456789');
/** Any first 17 characters of the GB 32100 shape: 2 code characters, 6 region digits, 9 code characters. */
const first17 = fc
  .tuple(fc.array(codeCharacter, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(codeCharacter, { minLength: 9, maxLength: 9 }))
  .map((parts) => parts.flat().join(''));

describe('统一社会信用代码 (R-POL-4)', () => {
  it('R-POL-4 accepts published codes of real organisations and the example of GB 32100-2015', () => {
    // The standard's own example, then codes printed on business licences and company websites.
    for (const code of ['91350100M000100Y43', '9144030071526726XG', '91110000802100433B', '91330100799655058B', '913100007793473149', '91110108551385082Q']) {
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('R-POL-4 refuses a changed check character, a wrong length and letters the standard leaves out (I, O, S, V, Z)', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100O000100Y43')).toBe(false);
    expect(isValidCreditCode('9135010IM00100Y43')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode(normaliseCreditCode(' 91350100m000100y43 '))).toBe(true);
    expect(isValidCreditCode(normaliseCreditCode('９１３５０１００Ｍ０００１００Ｙ４３'))).toBe(true);
  });

  it('R-POL-4 property: a code with its computed check character is valid, with any other it is not', () => {
    fc.assert(
      fc.property(first17, codeCharacter, (body, other) => {
        const check = creditCodeCheckCharacter(body);
        expect(isValidCreditCode(body + check)).toBe(true);
        expect(isValidCreditCode(body + other)).toBe(other === check);
      }),
    );
  });

  it('R-POL-4 property: any one mistyped character is caught', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 16 }), codeCharacter, (body, position, replacement) => {
        const code = body + creditCodeCheckCharacter(body);
        const typo = code.slice(0, position) + replacement + code.slice(position + 1);
        fc.pre(typo !== code);
        expect(isValidCreditCode(typo)).toBe(false);
      }),
    );
  });
});
