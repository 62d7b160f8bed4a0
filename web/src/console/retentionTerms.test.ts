import { describe, expect, it } from 'vitest';
import { legalHoldKinds } from '../../../src/privacy/retention/schema.ts';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { LEGAL_HOLD_KINDS, PLACEABLE_HOLD_KINDS } from './retentionTerms';

describe('legal hold kinds of the console', () => {
  it('R-STO-2 are the kinds the server knows, each said in both languages', () => {
    expect([...LEGAL_HOLD_KINDS]).toEqual([...legalHoldKinds]);
    expect([...PLACEABLE_HOLD_KINDS]).toEqual(legalHoldKinds.filter((kind) => kind !== 'insurance_record'));
    for (const kind of LEGAL_HOLD_KINDS) {
      expect(zhCN.console.retention.kinds[kind]).toMatch(/[\u4e00-\u9fff]/);
      expect(en.console.retention.kinds[kind]).not.toBe('');
    }
  });
});
