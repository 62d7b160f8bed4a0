import PDFDocument from 'pdfkit';
import { drawSchengenCertificate } from './draw-schengen-certificate.ts';
import { drawStandardPolicy } from './draw-standard-policy.ts';
import type { EPolicyModel, EPolicyVariant } from './e-policy-model.ts';
import { registerEPolicyFonts } from './e-policy-fonts.ts';
import { pageFooters, type Doc } from './pdf-layout.ts';

export interface RenderEPolicyOptions {
  variant: EPolicyVariant;
  /** When the file is made; fixing it makes the output byte for byte the same for the same model. */
  now?: Date;
}

// Neither the title nor any other metadata names a person or a policy: PDF readers, mail clients and
// file indexers show metadata where nobody thinks to look for personal information.
const metadata: Record<EPolicyVariant, { title: string; subject: string; lang: string }> = {
  standard: { title: '电子保险单 Electronic insurance policy', subject: 'Insurance policy schedule', lang: 'zh-CN' },
  schengen_certificate: { title: 'Certificate of Travel Insurance for Schengen Visa', subject: 'Travel insurance certificate', lang: 'en' },
};

/** The e-policy PDF (R-POL-9): a bilingual A4 schedule, or the English certificate for a Schengen visa. */
export async function renderEPolicyPdf(model: EPolicyModel, options: RenderEPolicyOptions): Promise<Buffer> {
  const now = options.now ?? new Date();
  const meta = metadata[options.variant];
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: 42, bottom: 42, left: 46, right: 46 },
    bufferPages: true,
    lang: meta.lang,
    displayTitle: true,
    info: { Title: meta.title, Subject: meta.subject, Author: model.operator.nameEn, Creator: 'Besttrav', CreationDate: now, ModDate: now },
  });
  const finished = collect(doc);
  registerEPolicyFonts(doc);
  if (options.variant === 'schengen_certificate') {
    drawSchengenCertificate(doc, model);
    pageFooters(doc, (page, pages) => `Page ${page} of ${pages}`);
  } else {
    drawStandardPolicy(doc, model);
    pageFooters(doc, (page, pages) => `第 ${page} 页 / 共 ${pages} 页\u3000Page ${page} of ${pages}`);
  }
  doc.end();
  return finished;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
