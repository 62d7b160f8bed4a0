import { describe, expect, it } from 'vitest';
import { hasPrefix, newId } from './ids.ts';

describe('prefixed ids', () => {
  it('carry their prefix, are unique and sort by creation time', () => {
    const earlier = newId('pol', Date.UTC(2026, 0, 1));
    const later = newId('pol', Date.UTC(2026, 0, 2));
    expect(hasPrefix(earlier, 'pol')).toBe(true);
    expect(hasPrefix(earlier, 'clm')).toBe(false);
    expect(earlier < later).toBe(true);
    const many = new Set(Array.from({ length: 2000 }, () => newId('tsk')));
    expect(many.size).toBe(2000);
  });
});
