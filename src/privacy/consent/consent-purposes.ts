import type { DocumentKind } from '../../shared/policy-documents.ts';
import type { Purpose } from '../access/context.ts';

/**
 * What a person can consent to, separately (PIPL art. 14, 23, 29, 39; policy §3.7): each key is one
 * switch the person sees, with the purpose it stands for. `essential` marks the two the core service
 * cannot do without when a product needs them (sensitive PI of an application, giving the insurer the
 * application); declining any other never blocks a purchase.
 */
export const consentPurposes = {
  sensitive_pi: { purpose: 'purchase', essential: true, zh: '处理敏感个人信息（证件号码、银行卡、健康告知、病历、未成年人信息）', en: 'Processing sensitive personal information (ID numbers, bank cards, health declarations, medical records, minors’ data)' },
  share_with_insurer: { purpose: 'purchase', essential: true, zh: '向承保的保险公司提供投保、理赔所需的个人信息', en: 'Providing the insurer with what an application or claim needs' },
  cross_border: { purpose: 'claims', essential: false, zh: '向境外救援或理赔服务机构提供个人信息（境外出险时）', en: 'Providing personal information to assistance or claims providers abroad (for incidents abroad)' },
  marketing_sms: { purpose: 'marketing', essential: false, zh: '通过短信接收产品与优惠信息', en: 'Offers and product news by SMS' },
  marketing_email: { purpose: 'marketing', essential: false, zh: '通过电子邮件接收产品与优惠信息', en: 'Offers and product news by e-mail' },
  marketing_in_app: { purpose: 'marketing', essential: false, zh: '在站内消息中接收产品与优惠信息', en: 'Offers and product news as in-app messages' },
  personalised_recommendations: { purpose: 'personalization', essential: false, zh: '根据我的投保记录推荐产品（关闭后展示非个性化推荐）', en: 'Recommendations based on my policies (off: recommendations not based on me)' },
  cookies_preferences: { purpose: 'personalization', essential: false, zh: '偏好类 Cookie', en: 'Preference cookies' },
  cookies_analytics: { purpose: 'analytics', essential: false, zh: '统计分析类 Cookie', en: 'Analytics cookies' },
  cookies_marketing: { purpose: 'marketing', essential: false, zh: '营销类 Cookie', en: 'Marketing cookies' },
  // Given by a guardian through the guardian flow (verified phone, stated relationship), never by a toggle.
  minor_guardian: {
    purpose: 'account',
    essential: true,
    zh: '本人作为该儿童（未满 14 周岁）的父母或其他监护人，同意其使用本平台账户，并同意平台为账户、投保和保单服务处理其个人信息（包括手机号码，以及投保时所需的姓名、证件号码等）；儿童的个人信息均按敏感个人信息加密保存，仅用于上述目的。本人可随时查阅、更正、删除这些信息或撤回本同意，撤回后账户将立即受限。',
    en: 'As the parent or other guardian of this child (under 14), I consent to the child using a platform account and to the platform processing the child’s personal information (the mobile number, and the name, ID number and the like an application needs) for the account, applications and policy service; a child’s information is kept encrypted as sensitive personal information and used for these purposes only. I can view, correct or delete it, or withdraw this consent at any time; the account is restricted at once when I do.',
  },
} as const satisfies Record<string, { purpose: Purpose; essential: boolean; zh: string; en: string }>;

export type ConsentPurposeKey = keyof typeof consentPurposes;
export const consentPurposeKeys = Object.keys(consentPurposes) as ConsentPurposeKey[];

/** What a consent record is about: a document version, or one purpose. */
export type ConsentSubjectMatter = { document: DocumentKind } | { purpose: ConsentPurposeKey };

export function consentKeyOf(matter: ConsentSubjectMatter): string {
  return 'document' in matter ? `document:${matter.document}` : `purpose:${matter.purpose}`;
}
