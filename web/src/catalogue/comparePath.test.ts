import { describe, expect, it } from 'vitest';
import { comparedPlans, comparePath } from './comparePath';

describe('compare address', () => {
  it('R-POL-1 keeps the selection in the address: at most four distinct, well-formed product:plan pairs', () => {
    expect(comparePath(['schengen-visa:standard', 'asia-easy:economy'])).toBe('/compare?plans=schengen-visa%3Astandard&plans=asia-easy%3Aeconomy');
    const params = new URLSearchParams('plans=a:b&plans=a:b&plans=<x>:y&plans=c:d&plans=e:f&plans=g:h&plans=i:j');
    expect(comparedPlans(params)).toEqual(['a:b', 'c:d', 'e:f', 'g:h']);
  });
});
