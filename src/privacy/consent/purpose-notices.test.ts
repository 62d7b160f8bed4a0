import { describe, expect, it } from 'vitest';
import { managedPurposes, purposeGroups } from '../../shared/consents.ts';
import { consentPurposes } from './consent-purposes.ts';
import { purposeNotice, withdrawalEffectOf } from './purpose-notices.ts';

// What each wording said at each version, as the start of its SHA-256 in both languages. A consent
// record points at (version, hash): changing a wording without raising its version would make
// earlier records point at a text nobody can show any more. Change the wording, raise the version
// in purpose-notices.ts, then add the new row here.
const published: Record<string, { version: number; zh: string; en: string }> = {
  sensitive_pi: { version: 1, zh: '78d445aee41d82fb', en: '0be8c358f5a9efea' },
  share_with_insurer: { version: 1, zh: '172d4e77d6bd20d4', en: '959b52bac90c9c68' },
  cross_border: { version: 1, zh: '298af4c8cce19b08', en: '527f7c7029c488e5' },
  marketing_sms: { version: 1, zh: '5817e340355246f3', en: '1cc9b31908a111b1' },
  marketing_email: { version: 1, zh: '2358a3f36605b6f9', en: '2efdf966685dc8c2' },
  marketing_in_app: { version: 1, zh: '088fdb5d74fe5a6f', en: 'a82503c7e659ee59' },
  personalised_recommendations: { version: 1, zh: '77dbd0dff284b5ca', en: '26573c09ad12becd' },
};

describe('purpose wordings on the 授权管理 page', () => {
  it('R-RGT-4 a wording never changes within a version: each version’s text hash is pinned', () => {
    for (const purpose of managedPurposes) {
      const zh = purposeNotice(purpose, 'zh-CN');
      const en = purposeNotice(purpose, 'en');
      expect({ version: zh.version, zh: zh.textHash.slice(0, 16), en: en.textHash.slice(0, 16) }, purpose).toEqual(published[purpose]);
      expect(en.version).toBe(zh.version);
    }
  });

  it('R-RGT-4 R-USE-2 every purpose not decided elsewhere is on the page, and each essential one says what withdrawing means', () => {
    // Cookies are chosen in the cookie banner and settings; a guardian's consent in the guardian flow.
    const decidedElsewhere = new Set(['cookies_preferences', 'cookies_analytics', 'cookies_marketing', 'minor_guardian']);
    const onThePage = Object.keys(consentPurposes).filter((key) => !decidedElsewhere.has(key));
    expect([...managedPurposes].sort()).toEqual(onThePage.sort());
    expect(purposeGroups.marketing).toEqual(['marketing_sms', 'marketing_email', 'marketing_in_app']);
    for (const purpose of managedPurposes) {
      const isEssential = consentPurposes[purpose].essential;
      expect(withdrawalEffectOf(purpose, 'zh-CN') !== null, purpose).toBe(isEssential);
      expect(withdrawalEffectOf(purpose, 'en') !== null, purpose).toBe(isEssential);
    }
  });
});
