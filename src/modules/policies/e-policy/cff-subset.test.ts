import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { ePolicyFonts } from './e-policy-fonts.ts';

// What a standard e-policy prints: every Chinese character of one (pdftotext of a rendered policy), and ASCII.
const POLICY_TEXT =
  '平安财产保险股份有限公司电子单许可证号客服话经纪机构百旅务热线信息台签发时间（北京）品申根畅游境外行障计划尊享期自起至止，共天目的地法国、德投人张伟件码被序姓名出生日与关系本李晓喆配偶身故金受益定继承责任及额民币每位项内容免赔意突疾病医疗必要合理费用无紧急转运送返遗体或骨灰伤残按等级给付随以元为第页：重提示犹豫开始前请解除同并退还全部后原则上不予。事立即拨打小救援报案留相据由作供销售条款准仔细阅读纸质具效力护个已分遮盖显真伪查验扫描左侧二维访问其下方网址核实性状态' +
  Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
// Rare characters of names, in the CJK block and extension A.
const RARE_NAMES = '龘靐齉爨䲜㐀鱻麤龑犇骉羴猋';

type Face = 'regular' | 'bold';
const FONT_FILES: Record<Face, string> = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' };

/** The same face as fontkit alone would subset it. */
function plainFontkitFace(face: Face): fontkit.Font {
  const fontsDir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return fontkit.create(readFileSync(join(fontsDir, FONT_FILES[face]))) as fontkit.Font;
}

function glyphIds(font: fontkit.Font, text: string): number[] {
  return [...new Set([...text].map((character) => font.glyphForCodePoint(character.codePointAt(0)!).id))];
}

/** The subset's bytes, and the id each glyph has in it (the missing glyph, 0, comes first). */
function subsetOf(font: fontkit.Font, glyphs: readonly number[]): { bytes: Uint8Array; idsInSubset: number[] } {
  const subset = font.createSubset();
  // fontkit takes a glyph id where its typings say a glyph, and answers the id in the subset.
  const idsInSubset = glyphs.map((id) => subset.includeGlyph(id as unknown as fontkit.Glyph) as unknown as number);
  return { bytes: subset.encode(), idsInSubset };
}

const encode = (font: fontkit.Font, glyphs: readonly number[]) => subsetOf(font, glyphs).bytes;

/**
 * The subset as a font fontkit can read back: an OpenType file with the CFF table alone, which is
 * all a glyph's outline is read from.
 */
function readBack(cff: Uint8Array): fontkit.Font {
  const header = Buffer.alloc(12 + 16);
  header.write('OTTO', 0, 'latin1');
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(16, 6);
  header.write('CFF ', 12, 'latin1');
  header.writeUInt32BE(28, 20);
  header.writeUInt32BE(cff.length, 24);
  return fontkit.create(Buffer.concat([header, cff])) as fontkit.Font;
}

interface ReadBackCff {
  globalSubrIndex: unknown[];
  topDict: { FDArray: Array<{ Private: { Subrs: unknown[] | null } | null }> };
}

/** The subset read back, checked to carry no subroutines (a glyph it cannot inline would make it fontkit's own, with all of them). */
function readBackWithoutSubroutines(bytes: Uint8Array): fontkit.Font {
  const font = readBack(bytes);
  const cff = (font as fontkit.Font & { 'CFF ': ReadBackCff })['CFF '];
  expect(cff.globalSubrIndex).toHaveLength(0);
  for (const fontDict of cff.topDict.FDArray) expect(fontDict.Private?.Subrs ?? []).toHaveLength(0);
  return font;
}

describe('CFF subsets of the e-policy faces', () => {
  it('draw every glyph exactly as the face does: the same path commands, read back by fontkit, for Latin, digits, Chinese and rare characters in both weights', () => {
    for (const face of ['regular', 'bold'] as const) {
      const font = ePolicyFonts()[face];
      // The policy's characters, rare ones, and every 150th glyph of the face (all its font dicts).
      const spread = Array.from({ length: Math.floor(font.numGlyphs / 150) }, (_, i) => i * 150 + 7);
      const glyphs = [...new Set([...glyphIds(font, POLICY_TEXT + RARE_NAMES), ...spread])];
      expect(glyphs.length).toBeGreaterThan(500);
      const { bytes, idsInSubset } = subsetOf(font, glyphs);
      const subset = readBackWithoutSubroutines(bytes);
      glyphs.forEach((id, i) => {
        expect(subset.getGlyph(idsInSubset[i]!).path.commands, `${face} glyph ${id}`).toEqual(font.getGlyph(id).path.commands);
      });
    }
  });

  it('carry no subroutines: no global ones, and no Subrs in any of the font dicts they use', () => {
    for (const face of ['regular', 'bold'] as const) {
      const font = ePolicyFonts()[face];
      const cff = (readBackWithoutSubroutines(encode(font, glyphIds(font, POLICY_TEXT))) as fontkit.Font & { 'CFF ': ReadBackCff })['CFF '];
      expect(cff.topDict.FDArray.length).toBeGreaterThan(1);
    }
  });
  it('are a fraction of what fontkit writes: a name and a number in under 4 KB (fontkit: ~70 KB), a whole policy under 250 bytes a glyph', () => {
    for (const face of ['regular', 'bold'] as const) {
      const font = ePolicyFonts()[face];
      const plain = plainFontkitFace(face);
      const name = '张伟 E1****678';
      expect(encode(font, glyphIds(font, name)).length).toBeLessThan(4_000);
      expect(encode(plain, glyphIds(plain, name)).length).toBeGreaterThan(40_000);
      const policy = glyphIds(font, POLICY_TEXT);
      expect(encode(font, policy).length / policy.length).toBeLessThan(250);
    }
  });
});
