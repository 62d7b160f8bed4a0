import { describe, expect, it } from 'vitest';
import { formatDateTime } from './formatDateTime';

describe('formatDateTime', () => {
  it('shows Beijing time whatever zone the instant was written in', () => {
    expect(formatDateTime('2025-03-01T06:05:00Z', 'zh-CN')).toBe('2025-03-01 14:05');
    expect(formatDateTime('2025-12-31T16:30:00Z', 'en')).toBe('2026-01-01 00:30');
  });

  it('adds seconds when asked, for ordering events', () => {
    expect(formatDateTime('2025-03-01T06:05:09.120Z', 'en', { seconds: true })).toBe('2025-03-01 14:05:09');
  });

  it('shows a dash for a value that is not a date', () => {
    expect(formatDateTime('not a date', 'zh-CN')).toBe('—');
  });
});
