import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../errors/app-error.ts';
import { ePolicyFonts } from './e-policy-fonts.ts';
import type { EPolicyModel } from './e-policy-model.ts';
import { renderEPolicyPdf } from './render-e-policy.ts';

// What the caller would have masked: these full numbers must never appear in a rendered policy.
const FULL_NUMBERS = ['110101198503121234', 'E12345678', 'E98765321'];

function schengenPolicy(overrides: Partial<EPolicyModel> = {}): EPolicyModel {
  return {
    policyNumber: 'PA6120250600123456',
    platformReference: 'pol_01jz3k4m5n6p7q8r9s0t1v2w3x',
    issuedAt: new Date('2025-06-20T06:05:00Z'),
    insurer: { nameZh: '平安财产保险股份有限公司', nameEn: 'Ping An Property & Casualty Insurance Co.', licenceNumber: '000014', claimsHotline: '+86 10 9551 1000', servicePhone: '95511' },
    product: { code: 'schengen-plus', nameZh: '申根畅游境外旅行保险', nameEn: 'Schengen Explorer Travel Insurance' },
    plan: { nameZh: '尊享计划', nameEn: 'Premier plan' },
    coverStart: '2025-07-01',
    coverEnd: '2025-07-20',
    destinations: [
      { zh: '法国', en: 'France' },
      { zh: '德国', en: 'Germany' },
    ],
    coolingOffDays: 0,
    policyholder: { name: '张伟', idMasked: '1101**********1234' },
    insured: [
      { name: '张伟', namePinyin: 'ZHANG WEI', idMasked: 'E1****678', birthDate: '1985-03-12', relationship: { zh: '本人', en: 'Self' } },
      { name: '李晓喆', namePinyin: 'LI XIAOZHE', idMasked: 'E9****321', birthDate: '1987-11-02', relationship: { zh: '配偶', en: 'Spouse' } },
    ],
    beneficiaries: 'statutory',
    coverage: [
      { item: 'medical', itemZh: '意外及突发疾病医疗', itemEn: 'Medical expenses', detailZh: '境外必要合理的医疗费用', detailEn: 'Necessary medical costs abroad', sumInsuredFen: 500_000_00, deductibleFen: 0 },
      { item: 'emergency_evacuation', itemZh: '紧急医疗转运', itemEn: 'Emergency medical evacuation', detailZh: '紧急转运及送返', detailEn: 'Emergency transport home', sumInsuredFen: 400_000_00, deductibleFen: 0 },
      { item: 'repatriation', itemZh: '身故遗返', itemEn: 'Repatriation of mortal remains', detailZh: '遗体或骨灰运返', detailEn: 'Returning the remains home', sumInsuredFen: 100_000_00, deductibleFen: 0 },
      { item: 'accidental_death', itemZh: '意外身故及伤残', itemEn: 'Accidental death and disability', detailZh: '按伤残等级给付', detailEn: 'Paid by the disability scale', sumInsuredFen: 1_000_000_00, deductibleFen: 0 },
      { item: 'baggage', itemZh: '随身财产', itemEn: 'Personal belongings', detailZh: '每件以 2,000 元为限', detailEn: 'Up to ¥2,000 an item', sumInsuredFen: 3_000_00, deductibleFen: 200_00 },
    ],
    premiumFen: 356_40,
    verificationUrl: 'https://besttrav.example/verify/pol_01jz3k4m5n6p7q8r9s0t1v2w3x?c=8f3a9c',
    operator: { nameZh: '百旅保险经纪有限公司', nameEn: 'Besttrav Insurance Brokers Co., Ltd.', hotline: '400-800-1234' },
    ...overrides,
  };
}

let workDir: string;

beforeAll(() => {
  for (const tool of ['pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is missing: the e-policy tests read the PDFs with poppler-utils. Install it (apt-get install -y poppler-utils) and run again.`);
    }
  }
  workDir = mkdtempSync(join(tmpdir(), 'e-policy-'));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function savePdf(pdf: Buffer): string {
  const file = join(workDir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', savePdf(pdf), '-'], { encoding: 'utf8' });
}

function pdfInfo(pdf: Buffer): Record<string, string> {
  const lines = execFileSync('pdfinfo', ['-enc', 'UTF-8', savePdf(pdf)], { encoding: 'utf8' }).split('\n');
  return Object.fromEntries(lines.filter((line) => line.includes(':')).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
}

/** The QR code a reader finds on the last page (where the policy ends with it), rendered as a phone camera would see it. */
function decodeQrCode(pdf: Buffer): string | undefined {
  const file = savePdf(pdf);
  const lastPage = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)![1]!;
  const image = join(workDir, Math.random().toString(36).slice(2));
  execFileSync('pdftoppm', ['-r', '110', '-gray', '-singlefile', '-f', lastPage, '-l', lastPage, file, image]);
  const { width, height, pixels } = readPgm(readFileSync(`${image}.pgm`));
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let i = 0; i < pixels.length; i += 1) rgba.fill(pixels[i]!, i * 4, i * 4 + 3);
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data;
}

function readPgm(file: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary 8-bit PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: file.subarray(header[0].length, header[0].length + width * height) };
}

describe('e-policy PDF', { timeout: 60_000 }, () => {
  it('R-POL-9 the standard e-policy prints the policy, both insured persons (masked) and the cover in Chinese and English', async () => {
    const model = schengenPolicy();
    const text = pdfText(await renderEPolicyPdf(model, { variant: 'standard' }));
    for (const expected of [
      'PA6120250600123456',
      'pol_01jz3k4m5n6p7q8r9s0t1v2w3x',
      '平安财产保险股份有限公司',
      '百旅保险经纪有限公司',
      '申根畅游境外旅行保险',
      'Schengen Explorer Travel Insurance',
      '尊享计划',
      '张伟',
      '李晓喆',
      'ZHANG WEI',
      'LI XIAOZHE',
      '1101**********1234',
      'E1****678',
      'E9****321',
      '1987-11-02',
      '配偶',
      '法国、德国',
      '2025-07-01 00:00',
      '2025-07-20 24:00',
      '2025-06-20 14:05',
      '法定继承人',
      '¥500,000.00',
      '¥1,000,000.00',
      '¥200.00',
      '¥356.40',
      '本产品无犹豫期',
      '+86 10 9551 1000',
      model.verificationUrl,
    ]) {
      expect(text).toContain(expected);
    }
    for (const full of FULL_NUMBERS) expect(text).not.toContain(full);
  });

  it('R-POL-9 the Schengen certificate is one English page naming the insured as in their passports, the territory and the cover in CNY', async () => {
    const pdf = await renderEPolicyPdf(schengenPolicy(), { variant: 'schengen_certificate' });
    const text = pdfText(pdf);
    expect(pdfInfo(pdf).Pages).toBe('1');
    for (const expected of [
      'Certificate of Travel Insurance for Schengen Visa',
      'PA6120250600123456',
      'ZHANG WEI',
      'LI XIAOZHE',
      'E1****678',
      'E9****321',
      'All Schengen States',
      'From 00:00 on 1 July 2025 to 24:00 on 20 July 2025',
      'CNY 500,000.00',
      'not less than EUR 30,000',
      'CNY 100,000.00',
      '+86 10 9551 1000',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/[\u3000-\u9fff]/);
    expect(text).not.toContain('Personal belongings');
    for (const full of FULL_NUMBERS) expect(text).not.toContain(full);
  });

  it('R-POL-9 the QR code on both variants reads back as the verification address', async () => {
    const model = schengenPolicy();
    for (const variant of ['standard', 'schengen_certificate'] as const) {
      expect(decodeQrCode(await renderEPolicyPdf(model, { variant }))).toBe(model.verificationUrl);
    }
  });

  it('R-POL-9 no certificate for cover a Schengen visa would not accept: a medical deductible, too little medical cover, no repatriation', async () => {
    const base = schengenPolicy();
    const variants = [
      base.coverage.map((row) => (row.item === 'medical' ? { ...row, deductibleFen: 500_00 } : row)),
      base.coverage.map((row) => (row.item === 'medical' ? { ...row, sumInsuredFen: 200_000_00 } : row)),
      base.coverage.filter((row) => row.item !== 'repatriation'),
    ];
    for (const coverage of variants) {
      const rendering = renderEPolicyPdf(schengenPolicy({ coverage }), { variant: 'schengen_certificate' });
      await expect(rendering).rejects.toBeInstanceOf(AppError);
      await expect(rendering).rejects.toMatchObject({ code: 'e_policy_not_schengen' });
    }
    await expect(renderEPolicyPdf(schengenPolicy({ coverage: variants[0] }), { variant: 'standard' })).resolves.toBeInstanceOf(Buffer);
  });

  it('R-POL-9 named beneficiaries, a cooling-off period and a large group all print; the table runs onto further pages', async () => {
    const insured = Array.from({ length: 40 }, (_, i) => ({
      name: `王${'一二三四五六七八九十'[i % 10]}${i}`,
      idMasked: `3301**********${String(1000 + i)}`,
      relationship: { zh: '其他', en: 'Other' },
    }));
    const model = schengenPolicy({ insured, coolingOffDays: 15, beneficiaries: [{ name: '王芳', sharePercent: 60 }, { name: '王磊', sharePercent: 40 }] });
    const pdf = await renderEPolicyPdf(model, { variant: 'standard' });
    const text = pdfText(pdf);
    expect(Number(pdfInfo(pdf).Pages)).toBeGreaterThan(2);
    for (const person of insured) expect(text).toContain(person.idMasked);
    expect(text).toContain('王芳');
    expect(text).toContain('60%');
    expect(text).toContain('15 日内为犹豫期');
    expect(text.match(/被保险人 Insured persons/g)).toHaveLength(1);
    expect(text.match(/与投保人关系/g)!.length).toBeGreaterThan(1);
  });

  it('R-POL-9 the metadata names no person and no policy, and the same model at the same moment gives the same bytes', async () => {
    const model = schengenPolicy();
    const now = new Date('2025-06-20T06:05:07Z');
    const first = await renderEPolicyPdf(model, { variant: 'standard', now });
    const again = await renderEPolicyPdf(model, { variant: 'standard', now });
    expect(first.equals(again)).toBe(true);
    for (const variant of ['standard', 'schengen_certificate'] as const) {
      const info = pdfInfo(await renderEPolicyPdf(model, { variant, now }));
      expect(info.Title).toMatch(/insurance/i);
      const metadata = [info.Title, info.Subject, info.Author, info.Keywords ?? ''].join(' ');
      for (const personal of ['张伟', '李晓喆', 'ZHANG', 'PA6120250600123456', 'pol_01jz']) expect(metadata).not.toContain(personal);
      expect(info['Page size']).toContain('(A4)');
    }
  });

  it('R-POL-9 both faces are embedded as CID font subsets of what the policy prints, the standard policy under 100 KB', async () => {
    const pdf = await renderEPolicyPdf(schengenPolicy(), { variant: 'standard' });
    // 163 KB when the subsets kept every subroutine slot of the faces (cff-subset.ts).
    expect(pdf.length).toBeLessThan(100_000);
    const fonts = execFileSync('pdffonts', [savePdf(pdf)], { encoding: 'utf8' }).split('\n').filter((line) => line.includes('NotoSansHans'));
    expect(fonts).toHaveLength(2);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSansHans-(Regular|Bold)\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
  });

  it('R-POL-9 the font is parsed once per process and both faces carry Chinese glyphs', () => {
    const fonts = ePolicyFonts();
    expect(ePolicyFonts()).toBe(fonts);
    for (const face of [fonts.regular, fonts.bold]) {
      for (const character of '张伟李晓喆犹豫期¥') expect(face.hasGlyphForCodePoint(character.codePointAt(0)!)).toBe(true);
    }
  });
});
