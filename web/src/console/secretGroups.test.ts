import { describe, expect, it } from 'vitest';
import { secretGroups } from './secretGroups';

describe('secretGroups', () => {
  it('splits a setup key into groups of four and loses no character', () => {
    expect(secretGroups('JBSWY3DPEHPK3PXPAB')).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'AB']);
    expect(secretGroups('JBSWY3DPEHPK3PXPAB').join('')).toBe('JBSWY3DPEHPK3PXPAB');
    expect(secretGroups('')).toEqual([]);
  });
});
