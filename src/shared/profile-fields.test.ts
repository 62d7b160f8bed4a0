import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProfileText, PROFILE_TEXT_FIELDS, PROFILE_TEXT_LIMITS, profileTextProblemText } from './profile-fields.ts';

describe('profile text fields (R-ACC-4)', () => {
  it('R-ACC-4 trims, folds spaces and treats empty as not given', () => {
    expect(checkProfileText('name', '  欧阳  娜娜 ')).toEqual({ isValid: true, value: '欧阳 娜娜' });
    expect(checkProfileText('address', '   ')).toEqual({ isValid: true, value: null });
    expect(checkProfileText('email', ' user.name@example.cn ')).toEqual({ isValid: true, value: 'user.name@example.cn' });
    expect(checkProfileText('otherInfo', '第一行\r\n第二行\u0007')).toEqual({ isValid: true, value: '第一行\n第二行' });
  });

  it('R-ACC-4 names: letters of any script with dots, apostrophes and hyphens; no digits', () => {
    for (const name of ['张三', '阿沛·阿旺晋美', "Seán O'Brien", 'Anne-Marie Dupont', 'José Álvarez']) expect(checkProfileText('name', name).isValid).toBe(true);
    for (const name of ['李4', '@@', '·张三']) expect(checkProfileText('name', name)).toEqual({ isValid: false, problem: 'name_characters' });
  });

  it('R-ACC-4 e-mail addresses need a local part, an @ and a domain with a dot', () => {
    for (const email of ['a@b', 'plainaddress', 'a@@b.cn', '@example.cn']) expect(checkProfileText('email', email)).toEqual({ isValid: false, problem: 'email_format' });
  });

  it('R-ACC-4 every field has a limit in characters, not bytes, and says it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROFILE_TEXT_FIELDS.filter((field) => field !== 'email' && field !== 'name')), fc.integer({ min: 1, max: 40 }), (field, extra) => {
        const limit = PROFILE_TEXT_LIMITS[field];
        expect(checkProfileText(field, '好'.repeat(limit)).isValid).toBe(true);
        expect(checkProfileText(field, '好'.repeat(limit + extra))).toEqual({ isValid: false, problem: 'too_long' });
      }),
    );
    expect(profileTextProblemText('address', 'too_long', 'zh-CN')).toBe('最多 200 个字。');
    expect(profileTextProblemText('otherInfo', 'too_long', 'en')).toBe('At most 500 characters.');
  });
});
