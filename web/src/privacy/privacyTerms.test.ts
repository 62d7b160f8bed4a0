import { describe, expect, it } from 'vitest';
import { purposes } from '../../../src/privacy/access/context.ts';
import { accessAlerts, auditActions } from '../../../src/privacy/audit/schema.ts';
import { legalBases } from '../../../src/privacy/catalogue/categories.ts';
import { buildDataMap } from '../../../src/privacy/catalogue/data-map.ts';
import { recipientTypes } from '../../../src/privacy/disclosures/schema.ts';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { ALERT_KINDS, AUDIT_ACTIONS, LEGAL_BASES, PURPOSES, RECIPIENT_TYPES, STORED_AS } from './privacyTerms';

describe('privacy vocabulary of the web app', () => {
  it('has the codes the server uses', () => {
    expect([...PURPOSES]).toEqual([...purposes]);
    expect([...LEGAL_BASES].sort()).toEqual(Object.keys(legalBases).sort());
    expect([...RECIPIENT_TYPES]).toEqual([...recipientTypes]);
    expect([...AUDIT_ACTIONS]).toEqual([...auditActions]);
    expect([...ALERT_KINDS]).toEqual([...accessAlerts.kind.enumValues]);
    const storedAs = new Set(buildDataMap().flatMap((entry) => entry.storedIn.map((place) => place.storedAs)));
    expect([...storedAs].filter((value) => !(STORED_AS as readonly string[]).includes(value))).toEqual([]);
  });

  it('says every purpose, basis and kind of recipient in both languages', () => {
    for (const purpose of PURPOSES) {
      expect(zhCN.privacyTerms.purposes[purpose]).toMatch(/[\u4e00-\u9fff]/);
      expect(en.privacyTerms.purposes[purpose]).not.toBe('');
    }
    for (const basis of LEGAL_BASES) expect(zhCN.privacyTerms.legalBases[basis]).toMatch(/[\u4e00-\u9fff]/);
    for (const type of RECIPIENT_TYPES) expect(zhCN.privacyTerms.recipientTypes[type]).toMatch(/[\u4e00-\u9fff]/);
  });
});
