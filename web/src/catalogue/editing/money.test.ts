import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from './money';

describe('yuan and fen in the catalogue editor', () => {
  it('R-POL-3 converts both ways without floating-point drift', () => {
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(1.005)).toBeNull();
    expect(yuanToFen(46)).toBe(4600);
    expect(yuanToFen('300000')).toBe(30_000_000);
    expect(yuanToFen(' 12.5 ')).toBe(1250);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(fenToYuan(1999)).toBe(19.99);
    for (let fen = 0; fen < 2000; fen += 7) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it('refuses what is not an amount', () => {
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('12,5')).toBeNull();
    expect(yuanToFen(null)).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
    expect(yuanToFen(-3)).toBe(-300);
  });
});
