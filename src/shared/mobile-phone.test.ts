import { describe, expect, it } from 'vitest';
import { maskMobile, parseMainlandMobile } from './mobile-phone.ts';

describe('mainland mobile numbers (R-ACC-1, R-POL-4)', () => {
  it('R-ACC-1 R-POL-4 gives E.164 for a mainland mobile number however it is typed', () => {
    for (const typed of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '+8613800138000', ' (+86) 13800138000 ']) {
      expect(parseMainlandMobile(typed)).toBe('+8613800138000');
    }
  });

  it('R-POL-4 refuses landlines, other countries, unallocated prefixes, letters and extensions', () => {
    for (const typed of ['010 6552 9988', '+1 415 555 0100', '12345678901', '1380013800', '138001380001', '1380013800x1', '']) {
      expect(parseMainlandMobile(typed)).toBeNull();
    }
  });

  it('R-ACC-4 masks the middle digits of a number shown back to its owner', () => {
    expect(maskMobile('+8613800138000')).toBe('138****8000');
  });
});
