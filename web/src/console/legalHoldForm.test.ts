import { describe, expect, it } from 'vitest';
import { emptyLegalHoldFields, legalHoldInputOf } from './legalHoldForm';

describe('legal hold form', () => {
  it('R-STO-2 sends a hold on a whole person without the optional properties', () => {
    const input = legalHoldInputOf({ ...emptyLegalHoldFields, subjectId: ' cus_01jq0000000000000000000000 ', kind: 'dispute', reference: ' TS-2026-11 ', reason: ' 客户投诉尚未结案 ' });
    expect(input).toEqual({ subjectId: 'cus_01jq0000000000000000000000', kind: 'dispute', reference: 'TS-2026-11', reason: '客户投诉尚未结案' });
  });

  it('R-STO-2 keeps a hold on one record to the end of its retain-until day in Beijing', () => {
    const input = legalHoldInputOf({
      ...emptyLegalHoldFields,
      subjectId: 'cus_01jq0000000000000000000000',
      recordTable: 'policies',
      recordId: 'pol_01jq0000000000000000000000',
      kind: 'litigation',
      reference: '(2026)京0105民初1号',
      retainUntil: '2027-12-31',
      reason: '诉讼进行中',
    });
    expect(input).toMatchObject({ recordTable: 'policies', recordId: 'pol_01jq0000000000000000000000', retainUntil: '2027-12-31T15:59:59.000Z' });
  });
});
