import { describe, expect, it } from 'vitest';
import { otherLanguage, parseLanguageCookie, serializeLanguageCookie } from './language';

describe('language cookie', () => {
  it('reads a supported bt_lang value among other cookies', () => {
    expect(parseLanguageCookie('a=1; bt_lang=en; b=2')).toBe('en');
    expect(parseLanguageCookie('bt_lang=zh-CN')).toBe('zh-CN');
  });

  it('ignores missing, unsupported or malformed values', () => {
    expect(parseLanguageCookie('')).toBeUndefined();
    expect(parseLanguageCookie('xbt_lang=en')).toBeUndefined();
    expect(parseLanguageCookie('bt_lang=fr')).toBeUndefined();
    expect(parseLanguageCookie('bt_lang=%E0%A4%A')).toBeUndefined();
  });

  it('R-USE-3 is first-party, site-wide, SameSite=Lax, kept for one year only with consent to preference cookies', () => {
    expect(serializeLanguageCookie('en', false, true)).toBe('bt_lang=en; Path=/; Max-Age=31536000; SameSite=Lax');
    expect(serializeLanguageCookie('zh-CN', true, true)).toBe('bt_lang=zh-CN; Path=/; Max-Age=31536000; SameSite=Lax; Secure');
    expect(serializeLanguageCookie('en', false, false)).toBe('bt_lang=en; Path=/; SameSite=Lax');
  });

  it('toggles between the two languages', () => {
    expect(otherLanguage('zh-CN')).toBe('en');
    expect(otherLanguage('en')).toBe('zh-CN');
  });
});
