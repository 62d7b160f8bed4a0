import type { EPolicyModel } from './e-policy-model.ts';
import { FONT } from './e-policy-fonts.ts';
import { beijingDateTime, coverPeriod, yuan } from './e-policy-format.ts';
import { contentWidth, ensureSpace, INK, labelledRows, MUTED, numberedNotes, sectionHeading, table, type Doc } from './pdf-layout.ts';
import { verificationBlock } from './verification-qr-code.ts';

/** The bilingual A4 schedule: who insures whom, for what, when and where, and how to verify it. */
export function drawStandardPolicy(doc: Doc, model: EPolicyModel): void {
  drawHeader(doc, model);
  drawPolicyDetails(doc, model);
  drawInsured(doc, model);
  drawBeneficiaries(doc, model);
  drawCoverage(doc, model);
  drawNotices(doc, model);
  verificationBlock(
    doc,
    model.verificationUrl,
    {
      title: '保单真伪查验 Verify this policy',
      explanation: '扫描左侧二维码或访问其下方网址，核验本保单的真实性及有效状态。\nScan the QR code or visit the address under it to check that this policy is genuine and in force.',
    },
    92,
  );
}

function drawHeader(doc: Doc, model: EPolicyModel): void {
  const x = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.y;
  doc.font(FONT.bold).fontSize(14).fillColor(INK).text(model.insurer.nameZh, x, top, { width: width * 0.62 });
  doc.font(FONT.regular).fontSize(8.5).fillColor(MUTED).text(model.insurer.nameEn, { width: width * 0.62 });
  const leftBottom = doc.y;
  doc.font(FONT.bold).fontSize(18).fillColor(INK).text('电子保险单', x, top, { width, align: 'right' });
  doc.font(FONT.regular).fontSize(8.5).fillColor(MUTED).text('ELECTRONIC INSURANCE POLICY', x, doc.y, { width, align: 'right' });
  doc.y = Math.max(leftBottom, doc.y) + 6;
  doc.moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(1.2).strokeColor(INK).stroke();
  doc.y += 5;
  doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
  doc.text(`保险公司许可证号 Insurer licence No. ${model.insurer.licenceNumber}\u3000·\u3000客服电话 Customer service ${model.insurer.servicePhone}`, x, doc.y, { width });
  doc.text(`保险经纪机构 Insurance broker: ${model.operator.nameZh} ${model.operator.nameEn}\u3000·\u3000服务热线 Hotline ${model.operator.hotline}`, x, doc.y, { width });
}

function drawPolicyDetails(doc: Doc, model: EPolicyModel): void {
  sectionHeading(doc, '保单信息 Policy details');
  const period = coverPeriod(model.coverStart, model.coverEnd);
  labelledRows(doc, [
    ['保险单号 Policy No.', model.policyNumber],
    ['平台单号 Platform reference', model.platformReference],
    ['签发时间 Issued', `${beijingDateTime(model.issuedAt)}（北京时间 Beijing time）`],
    ['保险产品 Product', `${model.product.nameZh}\u3000${model.product.nameEn}（${model.product.code}）`],
    ['保障计划 Plan', `${model.plan.nameZh}\u3000${model.plan.nameEn}`],
    ['保险期间 Period of cover', `${period.zh}\n${period.en}`],
    ['旅行目的地 Destinations', `${model.destinations.map((d) => d.zh).join('、')}\n${model.destinations.map((d) => d.en).join(', ')}`],
    ['投保人 Policyholder', `${model.policyholder.name}\u3000证件号码 ID No. ${model.policyholder.idMasked}`],
  ]);
}

function drawInsured(doc: Doc, model: EPolicyModel): void {
  sectionHeading(doc, `被保险人 Insured persons（${model.insured.length}）`);
  table(
    doc,
    [
      { header: '序号\nNo.', share: 0.07 },
      { header: '姓名\nName', share: 0.25 },
      { header: '证件号码\nID No.', share: 0.27 },
      { header: '出生日期\nDate of birth', share: 0.17 },
      { header: '与投保人关系\nRelationship to policyholder', share: 0.24 },
    ],
    model.insured.map((person, i) => [
      String(i + 1),
      person.namePinyin ? `${person.name}\n${person.namePinyin}` : person.name,
      person.idMasked,
      person.birthDate ?? '—',
      `${person.relationship.zh}\n${person.relationship.en}`,
    ]),
  );
}

function drawBeneficiaries(doc: Doc, model: EPolicyModel): void {
  sectionHeading(doc, '身故保险金受益人 Beneficiaries of the death benefit');
  if (model.beneficiaries === 'statutory') {
    labelledRows(doc, [['受益人 Beneficiary', "法定继承人\nThe insured person's statutory heirs"]]);
    return;
  }
  table(
    doc,
    [
      { header: '姓名 Name', share: 0.7 },
      { header: '受益比例 Share', share: 0.3, align: 'right' },
    ],
    model.beneficiaries.map((beneficiary) => [beneficiary.name, `${beneficiary.sharePercent}%`]),
  );
}

function drawCoverage(doc: Doc, model: EPolicyModel): void {
  sectionHeading(doc, '保险责任及保险金额 Cover and sums insured（人民币 CNY，每位被保险人 per insured person）');
  table(
    doc,
    [
      { header: '保障项目\nCover', share: 0.24 },
      { header: '保障内容\nWhat is covered', share: 0.42 },
      { header: '保险金额\nSum insured', share: 0.17, align: 'right' },
      { header: '免赔额\nDeductible', share: 0.17, align: 'right' },
    ],
    model.coverage.map((row) => [
      `${row.itemZh}\n${row.itemEn}`,
      `${row.detailZh}\n${row.detailEn}`,
      yuan(row.sumInsuredFen),
      row.deductibleFen > 0 ? yuan(row.deductibleFen) : '无 None',
    ]),
  );
  ensureSpace(doc, 24);
  doc.moveDown(0.5);
  doc.font(FONT.bold).fontSize(10).fillColor(INK).text(`保险费合计 Total premium：${yuan(model.premiumFen)}`, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'right' });
}

function drawNotices(doc: Doc, model: EPolicyModel): void {
  sectionHeading(doc, '重要提示 Important notices');
  numberedNotes(doc, [
    cancellationNotice(model.coolingOffDays),
    `发生保险事故时，请立即拨打${model.insurer.nameZh} 24 小时理赔及救援电话 ${model.insurer.claimsHotline} 报案，并保留相关单据。\nIn an emergency or to make a claim, call the insurer's 24-hour claims and assistance line ${model.insurer.claimsHotline} at once, and keep all receipts and reports.`,
    `本保单由${model.insurer.nameZh}承保，${model.operator.nameZh}作为保险经纪人提供销售及服务（服务热线 ${model.operator.hotline}）。保险责任、责任免除等以保险条款为准，请仔细阅读。\nThe policy is underwritten by ${model.insurer.nameEn} and sold and serviced by the insurance broker ${model.operator.nameEn} (hotline ${model.operator.hotline}). What is covered and excluded is set out in the policy terms; please read them carefully.`,
    '本电子保单与纸质保单具有同等效力。为保护个人信息，证件号码等已部分遮盖显示。\nThis e-policy has the same effect as a paper policy. ID numbers and other personal details are partly masked to protect them.',
  ]);
}

function cancellationNotice(coolingOffDays: number): string {
  if (coolingOffDays > 0) {
    return `犹豫期：自投保人收到本电子保险单之日起 ${coolingOffDays} 日内为犹豫期，犹豫期内解除合同的，保险人退还全部保险费。\nCooling-off: for ${coolingOffDays} days after receiving this e-policy the policyholder may cancel it and receive the whole premium back.`;
  }
  return '本产品无犹豫期：保险责任开始前可申请解除合同并退还全部保险费，保险责任开始后原则上不予退保。\nThis product has no cooling-off period: before cover starts the policyholder may cancel and receive the whole premium back; once cover has started it cannot normally be cancelled.';
}
