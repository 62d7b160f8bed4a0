import type * as fontkit from 'fontkit';
import { desubroutinizeCharstring, type ByteRange } from './desubroutinize-charstring.ts';

/*
 * fontkit's CFF subset keeps every subroutine slot of the face, the unused ones emptied to a
 * `return`: Noto Sans Hans has 22,293 local subroutines in its ideographs' font dict alone, so any
 * subset with one Chinese character carried an INDEX of them — ~70 KB per face for a few glyphs,
 * 148 KB of a 163 KB e-policy — and took 13–17 ms to write. Here the subset is written with its
 * glyphs' charstrings desubroutinized, no global subroutines and no Subrs in any Private dict.
 *
 * Desubroutinized rather than renumbered: a global subroutine may call local ones, which are
 * those of the font dict of the glyph calling it, so keeping subroutines would mean renumbering
 * each font dict's set apart and rewriting calls per calling glyph; inlining has no such cases.
 * Nor is it larger: for the 297 glyphs of a standard e-policy's regular face, the inlined
 * charstrings are 45.4 KB against 48.0 KB for the original ones plus the 712 subroutines they
 * use (the calls cost bytes too; 41.5 against 44.2 KB deflated, as the PDF stores them).
 *
 * The rest of the file — top dict, strings, charset, font dicts, FDSelect — is fontkit's own:
 * its subset `encode()` (fontkit 2.0) asks two methods for the charstrings and the font dicts, and
 * those two are answered here, on an object derived from the subset, so the subset itself is left
 * as fontkit made it and its own `encode` stays the fallback. Should a fontkit release stop asking
 * them, the subsets would be fontkit's again: cff-subset.test.ts checks that none has subroutines.
 */

/** The parts of fontkit's parsed CFF table this reads (fontkit's typings leave the table out). */
interface CffTable {
  isCIDFont: boolean;
  stream: { buffer: Uint8Array };
  /** Where each entry of an INDEX is in `stream.buffer`. */
  globalSubrIndex: ByteRange[];
  topDict: { CharStrings: ByteRange[]; FDArray?: FontDict[] };
  fdForGlyph(gid: number): number | null;
}

interface FontDict {
  FontName?: unknown;
  Private?: { Subrs?: ByteRange[] | null } | null;
}

/** The top dict fontkit builds for the subset; only its font dicts are set here. */
interface SubsetTopDict {
  FDArray: FontDict[];
  FDSelect: { version: 0; fds: number[] };
}

/** fontkit's CFF subset: `glyphs` are the face's glyph ids in subset order; the rest is what `encode()` calls. */
interface FontkitCffSubset extends fontkit.Subset {
  glyphs: number[];
  charstrings?: Uint8Array[];
  gsubrs?: Uint8Array[];
}

/** Makes the CFF subsets a CID-keyed face creates write only what their glyphs draw; other faces are left to fontkit. */
export function encodeCffSubsetsWithoutSubroutines(font: fontkit.Font): void {
  const cff = (font as fontkit.Font & { 'CFF '?: CffTable })['CFF '];
  if (!cff?.isCIDFont) return;
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as FontkitCffSubset;
    const fontkitEncode = subset.encode;
    subset.encode = () => encodeWithoutSubroutines(subset, cff, fontkitEncode) ?? fontkitEncode.call(subset);
    return subset;
  };
}

function encodeWithoutSubroutines(subset: FontkitCffSubset, cff: CffTable, fontkitEncode: () => Uint8Array): Uint8Array | undefined {
  const charstrings: Uint8Array[] = [];
  for (const gid of subset.glyphs) {
    const charstring = desubroutinizedGlyph(cff, gid);
    // A charstring this cannot inline (none in Noto Sans Hans): fontkit's subset, large but right.
    if (!charstring) return undefined;
    charstrings.push(charstring);
  }
  const answers = {
    // fontkit's encode() adds its strings to `strings` when it is set, so it starts from none.
    strings: undefined,
    subsetCharstrings(this: FontkitCffSubset) {
      this.charstrings = charstrings;
      this.gsubrs = [];
    },
    subsetFontdict: (topDict: SubsetTopDict) => setFontDicts(topDict, subset.glyphs, cff),
  };
  return fontkitEncode.call(Object.assign(Object.create(subset) as FontkitCffSubset, answers));
}

function desubroutinizedGlyph(cff: CffTable, gid: number): Uint8Array | undefined {
  const charstring = cff.topDict.CharStrings[gid];
  const fontDict = cff.topDict.FDArray?.[cff.fdForGlyph(gid) ?? -1];
  if (!charstring || !fontDict) return undefined;
  const localSubrs = fontDict.Private?.Subrs ?? [];
  return desubroutinizeCharstring(cff.stream.buffer, charstring, cff.globalSubrIndex, localSubrs);
}

/** The font dicts of the glyphs in the subset, in order of first use, as fontkit's `subsetFontdict` sets them, without Subrs. */
function setFontDicts(topDict: SubsetTopDict, glyphs: readonly number[], cff: CffTable): void {
  topDict.FDArray = [];
  topDict.FDSelect = { version: 0, fds: [] };
  const subsetFd = new Map<number, number>();
  for (const gid of glyphs) {
    // Every glyph has one: desubroutinizedGlyph has looked.
    const fd = cff.fdForGlyph(gid)!;
    const fontDict = cff.topDict.FDArray![fd]!;
    if (!subsetFd.has(fd)) {
      // The font name would name the face's dict, not the subset's; fontkit leaves it out too.
      const { FontName: _name, ...kept } = fontDict;
      topDict.FDArray.push({ ...kept, Private: kept.Private && { ...kept.Private, Subrs: null } });
      subsetFd.set(fd, topDict.FDArray.length - 1);
    }
    topDict.FDSelect.fds.push(subsetFd.get(fd)!);
  }
}
