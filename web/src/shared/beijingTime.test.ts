import { describe, expect, it } from 'vitest';
import { beijingInputToIso, beijingToday, daysBetween } from './beijingTime';

describe('Beijing time helpers', () => {
  it('gives the Beijing date, which is already tomorrow late in the UTC evening', () => {
    expect(beijingToday(new Date('2025-03-01T15:59:00Z'))).toBe('2025-03-01');
    expect(beijingToday(new Date('2025-03-01T16:00:00Z'))).toBe('2025-03-02');
  });

  it('reads a date-and-time input as Beijing time', () => {
    expect(beijingInputToIso('2025-03-01T14:05')).toBe('2025-03-01T06:05:00.000Z');
    expect(beijingInputToIso('2025-03-01T00:30:15')).toBe('2025-02-28T16:30:15.000Z');
  });

  it('gives nothing for an empty or malformed input', () => {
    expect(beijingInputToIso('')).toBeUndefined();
    expect(beijingInputToIso('2025-03-01')).toBeUndefined();
    expect(beijingInputToIso('2025-13-45T99:99')).toBeUndefined();
  });

  it('counts days between calendar dates', () => {
    expect(daysBetween('2025-02-27', '2025-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-03-01')).toBe(0);
    expect(daysBetween('2025-03-02', '2025-03-01')).toBe(-1);
  });
});
