import { AppError } from '../../../errors/app-error.ts';
import { SCHENGEN_MIN_MEDICAL_FEN } from '../../../shared/catalogue/terms.ts';
import type { EPolicyCoverageRow, EPolicyModel } from './e-policy-model.ts';
import { FONT } from './e-policy-fonts.ts';
import { beijingDateTime, cny, coverDays, englishDate } from './e-policy-format.ts';
import { contentWidth, INK, labelledRows, MUTED, sectionHeading, table, type Doc } from './pdf-layout.ts';
import { verificationBlock } from './verification-qr-code.ts';

const CERTIFIED_ITEMS = ['medical', 'emergency_evacuation', 'repatriation'] as const;

/**
 * The one-page English certificate a consulate asks for with a Schengen visa application. It states
 * "no deductible" and "not less than EUR 30,000", so it refuses cover for which that would be untrue.
 */
export function drawSchengenCertificate(doc: Doc, model: EPolicyModel): void {
  const rows = certifiedCover(model);
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(16).fillColor(INK).text('Certificate of Travel Insurance for Schengen Visa', x, doc.y, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(9).fillColor(MUTED).text(`Issued by ${model.insurer.nameEn}`, { width, align: 'center' });
  doc.moveDown(0.8);
  doc.font(FONT.regular).fontSize(9.5).fillColor(INK).text(
    `${model.insurer.nameEn} (insurance licence No. ${model.insurer.licenceNumber}) certifies that the persons named below are insured under policy No. ${model.policyNumber}, sold through the insurance broker ${model.operator.nameEn}, with the cover stated on this certificate.`,
    x,
    doc.y,
    { width },
  );

  sectionHeading(doc, 'Policy');
  const days = coverDays(model.coverStart, model.coverEnd);
  labelledRows(
    doc,
    [
      ['Policy number', model.policyNumber],
      ['Product and plan', `${model.product.nameEn} — ${model.plan.nameEn}`],
      ['Period of insurance', `From 00:00 on ${englishDate(model.coverStart)} to 24:00 on ${englishDate(model.coverEnd)} (Beijing time), ${days} ${days === 1 ? 'day' : 'days'}`],
      ['Territory', 'All Schengen States'],
      ['Countries of travel', model.destinations.map((destination) => destination.en).join(', ')],
      ['Issued', `${beijingDateTime(model.issuedAt)} (Beijing time)`],
    ],
    130,
  );

  sectionHeading(doc, 'Insured persons');
  table(
    doc,
    [
      { header: 'No.', share: 0.08 },
      { header: 'Name (as in passport)', share: 0.42 },
      { header: 'Passport No.', share: 0.28 },
      { header: 'Date of birth', share: 0.22 },
    ],
    model.insured.map((person, i) => [String(i + 1), person.namePinyin ?? person.name, person.idMasked, person.birthDate ?? '—']),
  );

  sectionHeading(doc, 'Cover for each insured person');
  table(
    doc,
    [
      { header: 'Cover', share: 0.46 },
      { header: 'Sum insured', share: 0.36, align: 'right' },
      { header: 'Deductible', share: 0.18, align: 'right' },
    ],
    rows.map((row) => [
      row.itemEn,
      row.item === 'medical' ? `${cny(row.sumInsuredFen)}\n(not less than EUR 30,000)` : cny(row.sumInsuredFen),
      row.deductibleFen > 0 ? cny(row.deductibleFen) : 'None',
    ]),
  );
  doc.moveDown(0.5);
  doc.font(FONT.regular).fontSize(9).fillColor(INK).text(
    'The cover applies in all Schengen States for the whole period of insurance. It pays for emergency medical treatment, urgent hospital care and repatriation, with no deductible for medical expenses and repatriation, and its medical cover is not less than the EUR 30,000 required for a Schengen visa (Regulation (EC) No 810/2009, Article 15). Sums insured are in Chinese yuan (CNY).',
    x,
    doc.y,
    { width },
  );

  sectionHeading(doc, '24-hour emergency assistance');
  labelledRows(
    doc,
    [
      ['Assistance and claims', model.insurer.claimsHotline],
      ["Insurer's customer service", model.insurer.servicePhone],
      ['Broker', `${model.operator.nameEn}, hotline ${model.operator.hotline}`],
    ],
    130,
  );
  verificationBlock(
    doc,
    model.verificationUrl,
    {
      title: 'Verify this certificate',
      explanation: 'This certificate is issued electronically. Scan the QR code or visit the address under it to check that the policy is genuine and in force.',
    },
    84,
  );
}

function certifiedCover(model: EPolicyModel): EPolicyCoverageRow[] {
  const rows = model.coverage.filter((row) => (CERTIFIED_ITEMS as readonly string[]).includes(row.item));
  const medical = rows.find((row) => row.item === 'medical');
  const repatriation = rows.find((row) => row.item === 'repatriation');
  const meetsRules =
    medical !== undefined &&
    medical.sumInsuredFen >= SCHENGEN_MIN_MEDICAL_FEN &&
    medical.deductibleFen === 0 &&
    repatriation !== undefined &&
    repatriation.sumInsuredFen > 0 &&
    repatriation.deductibleFen === 0;
  if (!meetsRules) {
    throw new AppError('e_policy_not_schengen', 'Schengen certificate requested for cover below the visa rules', { details: { product: model.product.code } });
  }
  return CERTIFIED_ITEMS.flatMap((item) => rows.filter((row) => row.item === item));
}
