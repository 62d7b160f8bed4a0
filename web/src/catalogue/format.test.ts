import { describe, expect, it } from 'vitest';
import { beijingToday } from '../shared/beijingTime';
import { formatPrice, formatSumInsured, tripDays } from './format';

describe('catalogue formatting', () => {
  it('R-POL-3 shows integer fen as yuan with two decimals', () => {
    expect(formatPrice(9_200, 'zh-CN')).toBe('¥92.00');
    expect(formatPrice(123_456_78, 'en')).toBe('¥123,456.78');
    expect(formatPrice(5, 'en')).toBe('¥0.05');
  });

  it('R-POL-1 shows sums insured the way each language reads them', () => {
    expect(formatSumInsured(30_000_000, 'zh-CN')).toBe('30 万元');
    expect(formatSumInsured(200_000, 'zh-CN')).toBe('2,000 元');
    expect(formatSumInsured(30_000_000, 'en')).toBe('¥300,000');
  });

  it('counts both travel days and refuses a return before the departure', () => {
    expect(tripDays('2026-06-01', '2026-06-10')).toBe(10);
    expect(tripDays('2026-06-01', '2026-06-01')).toBe(1);
    expect(tripDays('2026-06-10', '2026-06-01')).toBeNull();
    expect(tripDays('', '2026-06-01')).toBeNull();
    expect(beijingToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });
});
