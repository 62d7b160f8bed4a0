import { describe, expect, it } from 'vitest';
import { cancellationRefundFen } from '../../../simulators/reference-insurer/cancellation-refund.ts';
import { plainTextPdf } from '../../../simulators/reference-insurer/policy-schedule-pdf.ts';

const tenDays = { coverStart: '2026-07-01', coverEnd: '2026-07-10', premiumFen: 9_999 };

describe('reference insurer rules (R-POL-9, R-POL-10)', () => {
  it.each([
    ['a week before cover', '2026-06-24', 9_999],
    ['on the first day of cover', '2026-07-01', 9_999],
    ['on the second day (9 of 10 days unused)', '2026-07-02', 8_999],
    ['on the last day (1 of 10 unused)', '2026-07-10', 999],
    ['after the cover ended', '2026-07-11', 0],
  ])('R-POL-10 refunds %s pro rata by unused days, rounded down to the fen', (_case, effectiveDate, refundFen) => {
    expect(cancellationRefundFen(tenDays, effectiveDate)).toBe(refundFen);
  });

  it('R-POL-10 counts unused days across a month end and a leap day', () => {
    // 2028-02-27 .. 2028-03-02 is 5 days (29 February exists); from 1 March, 2 days are unused.
    expect(cancellationRefundFen({ coverStart: '2028-02-27', coverEnd: '2028-03-02', premiumFen: 1_000 }, '2028-03-01')).toBe(400);
  });

  it('R-POL-9 writes a PDF whose cross-reference table points at every object, with the text findable', () => {
    const pdf = plainTextPdf(['Policy number: RI20260000000001', 'Plan (Standard) \\ A', '张三']).toString('latin1');

    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf).toContain('(Policy number: RI20260000000001) Tj');
    expect(pdf).toContain('(Plan \\(Standard\\) \\\\ A) Tj');
    expect(pdf).toContain('(??) Tj');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
    expect(pdf.slice(startxref).startsWith('xref\n0 6\n')).toBe(true);
    const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    expect(offsets).toHaveLength(5);
    offsets.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj\n`)).toBe(true));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(pdf)?.[1]);
    const streamStart = pdf.indexOf('stream\n') + 'stream\n'.length;
    expect(pdf.slice(streamStart + length)).toMatch(/^\nendstream/);
  });
});
