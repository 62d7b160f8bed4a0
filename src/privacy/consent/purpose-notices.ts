import type { Language } from '../../errors/error-codes.ts';
import { consentPurposes, type ConsentPurposeKey } from './consent-purposes.ts';
import { hashConsentText } from './record-consent.ts';

/**
 * The version of each purpose's wording. A consent record keeps the version and the hash of the exact
 * text the person saw, so changing a wording in consent-purposes.ts must raise its version here
 * (purpose-notices.test.ts pins the hashes and fails otherwise). Unlisted purposes are at version 1.
 */
const noticeVersions: Partial<Record<ConsentPurposeKey, number>> = {};

/**
 * What withdrawing an essential consent means (PIPL art. 15): what relied on it stops from now on,
 * what was done before stays lawful. Shown before the person confirms.
 */
const withdrawalEffects: Partial<Record<ConsentPurposeKey, Record<Language, string>>> = {
  sensitive_pi: {
    'zh-CN':
      '撤回后，您在“个人信息”中保存的证件号码将被删除，需要敏感个人信息的新投保或理赔申请将无法继续，直至您重新同意；已生效的保单不受影响。撤回不影响撤回前基于您的同意已进行的处理。',
    en: 'The ID number saved under Personal information is deleted, and new applications or claims that need sensitive personal information cannot proceed until you consent again; policies already in force are not affected. Processing done with your consent before you withdrew it stays lawful.',
  },
  share_with_insurer: {
    'zh-CN': '撤回后，我们不再为新的投保或理赔申请向保险公司提供您的个人信息，因此这些申请将无法继续，直至您重新同意。撤回不影响撤回前已进行的提供。',
    en: 'From now on we give the insurer nothing for new applications or claims, so they cannot proceed until you consent again. What was provided before you withdrew stays lawful.',
  },
};

export interface PurposeNotice {
  version: number;
  /** The exact wording in the language shown; its hash is what a consent record keeps. */
  text: string;
  textHash: string;
}

export function purposeNotice(key: ConsentPurposeKey, language: Language): PurposeNotice {
  const purpose = consentPurposes[key];
  const text = language === 'en' ? purpose.en : purpose.zh;
  return { version: noticeVersions[key] ?? 1, text, textHash: hashConsentText(text) };
}

export function withdrawalEffectOf(key: ConsentPurposeKey, language: Language): string | null {
  return withdrawalEffects[key]?.[language] ?? null;
}
