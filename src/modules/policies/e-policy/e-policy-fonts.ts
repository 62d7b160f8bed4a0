import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import { encodeCffSubsetsWithoutSubroutines } from './cff-subset.ts';
import { rememberFontSubsets } from './remember-font-subsets.ts';

/** Font names the layouts use; both faces cover Chinese and Latin text, so one face serves both languages. */
export const FONT = { regular: 'policy-regular', bold: 'policy-bold' } as const;

// Noto Sans Hans (SIL OFL 1.1) from @embedpdf/fonts-sc: the full CJK unified block, so rare
// characters in people's names still print. The package exports no path to its fonts, so they are
// found next to its entry point.
const FONT_FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;

type ParsedFont = fontkit.Font;
let loaded: { regular: ParsedFont; bold: ParsedFont } | undefined;

/**
 * The parsed faces, read once per process: handing pdfkit the font file instead makes it parse
 * 8 MB of CFF for every document, which took ~7 times as long as the whole warm render.
 */
export function ePolicyFonts(): { regular: ParsedFont; bold: ParsedFont } {
  loaded ??= { regular: parseFont(FONT_FILES.regular), bold: parseFont(FONT_FILES.bold) };
  return loaded;
}

export function registerEPolicyFonts(doc: typeof PDFDocument): void {
  const fonts = ePolicyFonts();
  // pdfkit takes an already parsed fontkit font (it checks for `layout`); its typings list only files and buffers.
  doc.registerFont(FONT.regular, fonts.regular as unknown as Buffer);
  doc.registerFont(FONT.bold, fonts.bold as unknown as Buffer);
}

function parseFont(file: string): ParsedFont {
  const fontsDir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  const font = fontkit.create(readFileSync(join(fontsDir, file)));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, expected a single face`);
  encodeCffSubsetsWithoutSubroutines(font);
  rememberFontSubsets(font);
  return font;
}
