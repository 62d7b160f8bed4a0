import { describe, expect, it } from 'vitest';
import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(2 * 86_400 + 3 * 3_600 + 4 * 60 + 5, 'en')).toBe('2 days, 3 hours');
    expect(formatDuration(3_600 + 120, 'en')).toBe('1 hour, 2 minutes');
  });

  it('shows seconds for a fresh start, including zero', () => {
    expect(formatDuration(12, 'en')).toBe('12 seconds');
    expect(formatDuration(0, 'en')).toBe('0 seconds');
    expect(formatDuration(-5, 'en')).toBe('0 seconds');
  });

  it('localises unit names', () => {
    expect(formatDuration(90, 'zh-CN')).toBe('1分钟 30秒');
  });
});
