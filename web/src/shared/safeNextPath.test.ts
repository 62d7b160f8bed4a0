import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPathFor } from './safeNextPath';

const rules = { fallback: '/account/security', exclude: ['/sign-in'] };

describe('safeNextPath', () => {
  it('keeps a path of this site with its query and hash', () => {
    expect(safeNextPath('/account/security', rules)).toBe('/account/security');
    expect(safeNextPath('/privacy?x=1#top', rules)).toBe('/privacy?x=1#top');
  });

  it('falls back for anything that could leave the site', () => {
    for (const raw of ['https://evil.example/', '//evil.example', '/\\evil.example', '\\\\evil.example', '/\t/evil.example', 'javascript:alert(1)', 'account']) {
      expect(safeNextPath(raw, rules), raw).toBe('/account/security');
    }
  });

  it('falls back when missing, excluded or outside the allowed area', () => {
    expect(safeNextPath(null, rules)).toBe('/account/security');
    expect(safeNextPath('', rules)).toBe('/account/security');
    expect(safeNextPath('/sign-in?next=/x', rules)).toBe('/account/security');
    expect(safeNextPath('/privacy', { fallback: '/console', within: '/console' })).toBe('/console');
    expect(safeNextPath('/consolex', { fallback: '/console', within: '/console' })).toBe('/console');
    expect(safeNextPath('/console/staff', { fallback: '/console', within: '/console' })).toBe('/console/staff');
  });

  it('builds the sign-in address that brings the person back', () => {
    expect(signInPathFor('/sign-in', '/account/security')).toBe('/sign-in?next=%2Faccount%2Fsecurity');
  });
});
