import type * as fontkit from 'fontkit';

// Per face. An entry is ~150 bytes of font program a glyph, 15–55 KB for a policy (two faces:
// ~5 MB at most); enough for the documents of everyone downloading at the same time.
const MAX_SUBSETS = 64;

/** fontkit keeps a subset's glyph ids, in the order first used, in `glyphs`; its typings leave it out. */
type SubsetWithGlyphs = fontkit.Subset & { glyphs: readonly number[] };

/**
 * Makes a parsed face remember the subsets it encodes for embedding. Encoding the subsets of a
 * policy's text takes 4–6 ms (cff-subset.ts inlines each glyph's subroutines), a quarter of a warm
 * render of ~19 ms; remembered, a render took ~14 ms. The bytes depend only on the face and the glyph
 * ids in the order the document first used them, so a document made again with the same text (the
 * same policy downloaded again: same names, numbers and dates) gets them from here. Holds glyph ids
 * and font bytes, nothing of a policy in readable form; the least recently used go first.
 */
export function rememberFontSubsets(font: fontkit.Font): void {
  const encoded = new Map<string, Uint8Array>();
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as SubsetWithGlyphs;
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      const bytes = encoded.get(key) ?? encode();
      // Re-inserted to mark it the most recently used: a Map iterates in insertion order.
      encoded.delete(key);
      encoded.set(key, bytes);
      if (encoded.size > MAX_SUBSETS) encoded.delete(encoded.keys().next().value as string);
      return bytes;
    };
    return subset;
  };
}
