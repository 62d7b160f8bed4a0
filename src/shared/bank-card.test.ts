import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBankCard } from './bank-card.ts';

describe('bank cards (R-POL-4)', () => {
  it('R-POL-4 accepts numbers whose last digit is the Luhn check digit, as people type them', () => {
    expect(isValidBankCard('4111111111111111')).toBe(true);
    expect(isValidBankCard('378282246310005')).toBe(true);
    expect(isValidBankCard('6011 1111 1111 1117')).toBe(true);
    expect(isValidBankCard('6222-0212-3456-7890-128')).toBe(true);
  });

  it('R-POL-4 refuses a wrong check digit, fewer than 12 or more than 19 digits, and anything not a digit', () => {
    expect(isValidBankCard('4111111111111112')).toBe(false);
    expect(isValidBankCard('00000000000')).toBe(false);
    expect(isValidBankCard('000000000000')).toBe(true);
    expect(isValidBankCard('00000000000000000000')).toBe(false);
    expect(isValidBankCard('4111x11111111111')).toBe(false);
    expect(isValidBankCard('')).toBe(false);
  });

  it('R-POL-4 property: any single mistyped digit is caught', () => {
    const card = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 18 }).map((payload) => {
      const digits = payload.join('');
      for (let check = 0; check <= 9; check += 1) if (isValidBankCard(`${digits}${check}`)) return `${digits}${check}`;
      throw new Error('no Luhn check digit');
    });
    fc.assert(
      fc.property(card, fc.nat(), fc.integer({ min: 1, max: 9 }), (number, at, shift) => {
        const position = at % number.length;
        const typo = number.slice(0, position) + String((Number(number[position]) + shift) % 10) + number.slice(position + 1);
        expect(isValidBankCard(typo)).toBe(false);
      }),
    );
  });
});
