import { describe, expect, it } from 'vitest';
import { signInLinkFor } from './signInLink';

describe('signInLinkFor', () => {
  it('comes back to the page it was followed from', () => {
    expect(signInLinkFor('/privacy', '?a=1')).toBe('/sign-in?next=%2Fprivacy%3Fa%3D1');
  });

  it('adds no destination from the home page or the sign-in page', () => {
    expect(signInLinkFor('/', '')).toBe('/sign-in');
    expect(signInLinkFor('/sign-in', '?next=%2Fx')).toBe('/sign-in');
  });
});
