import type PDFDocument from 'pdfkit';
import { FONT } from './e-policy-fonts.ts';

export type Doc = typeof PDFDocument;

export const INK = '#1f1f1f';
export const MUTED = '#595959';
const RULE = '#bfbfbf';
const HEADER_FILL = '#f0f3f7';
const CELL_PADDING = 4;

export interface TableColumn {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'right';
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when `height` no longer fits, so a block is never cut at the bottom edge. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

export function sectionHeading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.6);
  const x = doc.page.margins.left;
  doc.font(FONT.bold).fontSize(11).fillColor(INK).text(text, x, doc.y);
  const y = doc.y + 2;
  doc.moveTo(x, y).lineTo(x + contentWidth(doc), y).lineWidth(0.6).strokeColor(RULE).stroke();
  doc.y = y + 5;
}

/** Label and value side by side, the value wrapping in its own column. */
export function labelledRows(doc: Doc, rows: Array<[label: string, value: string]>, labelWidth = 150): void {
  const x = doc.page.margins.left;
  const valueWidth = contentWidth(doc) - labelWidth;
  for (const [label, value] of rows) {
    doc.fontSize(9);
    const height = Math.max(doc.font(FONT.regular).heightOfString(label, { width: labelWidth - 8 }), doc.heightOfString(value, { width: valueWidth }));
    ensureSpace(doc, height + 4);
    const y = doc.y;
    doc.font(FONT.regular).fillColor(MUTED).text(label, x, y, { width: labelWidth - 8 });
    doc.font(FONT.regular).fillColor(INK).text(value, x + labelWidth, y, { width: valueWidth });
    doc.y = y + height + 4;
  }
}

/** A ruled table; the header row is repeated on every page the table runs onto. */
export function table(doc: Doc, columns: TableColumn[], rows: string[][], fontSize = 8.5): void {
  const x = doc.page.margins.left;
  const widths = columns.map((column) => column.share * contentWidth(doc));
  const drawRow = (cells: string[], isHeader: boolean) => {
    doc.font(isHeader ? FONT.bold : FONT.regular).fontSize(fontSize);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
    if (doc.y + height > doc.page.maxY()) {
      doc.addPage();
      if (!isHeader) drawRow(columns.map((column) => column.header), true);
      doc.font(isHeader ? FONT.bold : FONT.regular).fontSize(fontSize);
    }
    const y = doc.y;
    if (isHeader) doc.rect(x, y, contentWidth(doc), height).fill(HEADER_FILL);
    let cellX = x;
    cells.forEach((cell, i) => {
      doc.fillColor(INK).text(cell, cellX + CELL_PADDING, y + CELL_PADDING, { width: widths[i]! - 2 * CELL_PADDING, align: columns[i]!.align ?? 'left' });
      cellX += widths[i]!;
    });
    doc.moveTo(x, y + height).lineTo(x + contentWidth(doc), y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.y = y + height;
  };
  drawRow(columns.map((column) => column.header), true);
  for (const row of rows) drawRow(row, false);
  doc.x = x;
}

/** Wrapped paragraphs, numbered, in a smaller face. */
export function numberedNotes(doc: Doc, notes: string[], fontSize = 8.5): void {
  const x = doc.page.margins.left;
  const indent = 14;
  notes.forEach((note, i) => {
    doc.font(FONT.regular).fontSize(fontSize);
    const height = doc.heightOfString(note, { width: contentWidth(doc) - indent });
    ensureSpace(doc, height + 3);
    const y = doc.y;
    doc.fillColor(INK).text(`${i + 1}.`, x, y, { width: indent });
    doc.text(note, x + indent, y, { width: contentWidth(doc) - indent });
    doc.y = y + height + 3;
  });
  doc.x = x;
}

/** "第 1 页 / 共 2 页 · Page 1 of 2" under every page; needs a document created with bufferPages. */
export function pageFooters(doc: Doc, footer: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
    doc.text(footer(i - range.start + 1, range.count), doc.page.margins.left, doc.page.height - bottom / 2 - 4, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
