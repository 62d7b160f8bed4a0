import { describe, expect, it } from 'vitest';
import { ePolicyFonts } from './e-policy-fonts.ts';

const glyphsOf = (text: string) => [...text].map((character) => ePolicyFonts().regular.glyphForCodePoint(character.codePointAt(0) as number));

function encodedSubset(text: string): Uint8Array {
  const subset = ePolicyFonts().regular.createSubset();
  for (const glyph of glyphsOf(text)) subset.includeGlyph(glyph);
  return subset.encode();
}

describe('font subsets remembered per process', () => {
  it('the same glyphs in the same order get the bytes encoded before; another order is encoded for itself', () => {
    const first = encodedSubset('张伟 E1****678');
    expect(encodedSubset('张伟 E1****678')).toBe(first);
    const reordered = encodedSubset('伟张 E1****678');
    expect(reordered).not.toBe(first);
    expect(Buffer.from(reordered).equals(Buffer.from(first))).toBe(false);
  });
});
