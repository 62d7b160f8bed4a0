import QRCode from 'qrcode';
import { FONT } from './e-policy-fonts.ts';
import { contentWidth, ensureSpace, INK, MUTED, type Doc } from './pdf-layout.ts';

const QUIET_ZONE_MODULES = 2;

/**
 * The verification address as a QR code drawn in vector squares: sharp at any zoom or print size, and
 * no image to decode or embed. Level M survives a crease or a smudge on a printed policy.
 */
export function drawVerificationQrCode(doc: Doc, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const cells = modules.size + 2 * QUIET_ZONE_MODULES;
  const cell = size / cells;
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (!modules.get(row, col)) continue;
      // A hair wider than the cell, so anti-aliasing leaves no seams between neighbouring squares.
      doc.rect(x + (col + QUIET_ZONE_MODULES) * cell, y + (row + QUIET_ZONE_MODULES) * cell, cell + 0.02, cell + 0.02);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/** The QR code with the address printed under it, and beside it what it is for. */
export function verificationBlock(doc: Doc, url: string, text: { title: string; explanation: string }, size: number): void {
  ensureSpace(doc, size + 40);
  doc.moveDown(0.8);
  const x = doc.page.margins.left;
  const y = doc.y;
  drawVerificationQrCode(doc, url, x, y, size);
  const textX = x + size + 12;
  const textWidth = contentWidth(doc) - size - 12;
  doc.font(FONT.bold).fontSize(9.5).fillColor(INK).text(text.title, textX, y + 8, { width: textWidth });
  doc.font(FONT.regular).fontSize(8.5).fillColor(MUTED).text(text.explanation, { width: textWidth });
  doc.font(FONT.regular).fontSize(8).fillColor(INK).text(url, x, y + size + 2, { width: contentWidth(doc) });
  doc.x = x;
}
