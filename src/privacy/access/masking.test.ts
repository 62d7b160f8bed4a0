import { describe, expect, it } from 'vitest';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { maskBankCard, maskEmail, maskIdNumber, maskName, maskPhone } from './masking.ts';

describe('masking for staff views', () => {
  it('R-SEC-3 shows the shapes the issue asks for', () => {
    expect(maskPhone('+8613812341234')).toBe('138****1234');
    expect(maskIdNumber('110101199001011234')).toBe('1101**********1234');
    // Passports and permits are shorter: masking 4 + 4 of them would show everything.
    expect(maskIdNumber('E12345678')).toBe('E*****678');
    expect(maskIdNumber('01234567')).toBe('0****567');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskBankCard('6222 0212 3456 7890')).toBe('**** **** **** 7890');
    expect(maskEmail('user.name@example.cn')).toBe('u********@example.cn');
  });

  it('R-SEC-3 keeps only the recognisable ends of any realistic person data', () => {
    for (let i = 0; i < 200; i += 1) {
      const person = buildPersonPi();
      expect(maskPhone(person.phone)).toBe(`${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);
      expect(maskIdNumber(person.idNumber)).toBe(`${person.idNumber.slice(0, 4)}${'*'.repeat(10)}${person.idNumber.slice(-4)}`);
      expect(maskName(person.name)).toMatch(new RegExp(`^${person.name.slice(0, 1)}\\*+$`));
      expect(maskBankCard(person.bankCard)).toBe(`**** **** **** ${person.bankCard.slice(-4)}`);
      expect(maskEmail(person.email).split('@')[0]).toMatch(/^.\*+$/);
    }
  });
});
