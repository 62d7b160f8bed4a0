/**
 * A one-page PDF 1.4 of plain text, written by hand so the simulator needs no PDF library: Helvetica
 * (one of the 14 standard fonts, so nothing is embedded), an uncompressed content stream (the text,
 * such as the policy number, can be found in the bytes) and an exact cross-reference table.
 * Helvetica has no Chinese glyphs: lines are ASCII, anything else becomes '?'.
 */
export function plainTextPdf(lines: readonly string[]): Buffer {
  const text = lines.map((line) => `(${pdfString(line)}) Tj T*`).join('\n');
  const content = `BT\n/F1 11 Tf\n16 TL\n72 770 Td\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(pdf, 'latin1');
  // Every xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, flag, space, newline.
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function pdfString(line: string): string {
  return line.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (character) => `\\${character}`);
}
