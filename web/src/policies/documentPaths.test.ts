import { describe, expect, it } from 'vitest';
import { diffPath, documentOfSlug, documentPath, versionNumber, versionPath } from './documentPaths';

describe('policy document addresses', () => {
  it('R-UPD-1 every document has a page, versions and a diff address', () => {
    expect(documentPath('privacy_policy')).toBe('/privacy');
    expect(documentPath('user_agreement')).toBe('/policies/user-agreement');
    expect(versionPath('cookie_policy', 2)).toBe('/policies/cookie-policy/versions/2');
    expect(diffPath('privacy_policy', { from: 1, to: 3 })).toBe('/policies/privacy-policy/diff?from=1&to=3');
    expect(diffPath('privacy_policy')).toBe('/policies/privacy-policy/diff');
    expect(documentOfSlug('user-agreement')).toBe('user_agreement');
    expect(documentOfSlug('nope')).toBeNull();
  });

  it('R-UPD-1 only plain version numbers come from the address bar', () => {
    expect(versionNumber('3')).toBe(3);
    expect(versionNumber('0')).toBeUndefined();
    expect(versionNumber('1e3')).toBeUndefined();
    expect(versionNumber(null)).toBeUndefined();
  });
});
