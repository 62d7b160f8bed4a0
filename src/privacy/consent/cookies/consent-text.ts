// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
import { cookieCategories, entriesIn, type CatalogueEntry, type CookieCategory } from './cookie-catalogue.ts';

export type ConsentLanguage = 'zh-CN' | 'en';
/** Where the decision was made: the first-visit banner, or the settings dialog with every category. */
export type ConsentSurface = 'banner' | 'settings';

interface CategoryText {
  label: string;
  description: string;
}

export interface CookieConsentTexts {
  bannerTitle: string;
  bannerBody: string;
  settingsTitle: string;
  settingsIntro: string;
  alwaysOn: string;
  acceptAll: string;
  rejectAll: string;
  settings: string;
  save: string;
  nothingInUse: string;
  lifetimeLabel: string;
  categories: Record<CookieCategory, CategoryText>;
}

/**
 * The words of the banner and of the settings dialog. The web app shows exactly these, and the
 * server hashes exactly these (with the catalogue rows) into each consent record, so the record
 * proves which text the person answered. Changing a word changes the hash of later records.
 */
export const cookieConsentTexts: Record<ConsentLanguage, CookieConsentTexts> = {
  'zh-CN': {
    bannerTitle: '我们如何使用 Cookie',
    bannerBody:
      '必要 Cookie 用于保持登录、防范跨站请求伪造和记住您的 Cookie 选择，网站离不开它们。其他类别只有在您同意后才会使用：偏好 Cookie 会长期记住您选择的语言；本网站目前没有使用统计分析或营销类 Cookie，将来如果使用，也只在您同意后启用。拒绝不影响您使用网站的任何功能，您可以随时通过页面底部的“Cookie 设置”更改选择。',
    settingsTitle: 'Cookie 设置',
    settingsIntro: '请逐项选择是否同意。除必要 Cookie 外，所有类别默认关闭。',
    alwaysOn: '始终开启',
    acceptAll: '全部接受',
    rejectAll: '全部拒绝',
    settings: '设置',
    save: '保存设置',
    nothingInUse: '本网站目前没有使用此类 Cookie。',
    lifetimeLabel: '保存期限',
    categories: {
      necessary: { label: '必要 Cookie', description: '网站正常运行所必需，无法关闭。' },
      preferences: { label: '偏好 Cookie', description: '记住您的选择（如界面语言），下次访问时无需重新设置。' },
      analytics: { label: '统计分析 Cookie', description: '了解网站的使用情况，以改进服务。' },
      marketing: { label: '营销 Cookie', description: '展示与您相关的推广内容。' },
    },
  },
  en: {
    bannerTitle: 'How we use cookies',
    bannerBody:
      'Necessary cookies keep you signed in, protect against cross-site request forgery and remember your cookie choice; the site cannot work without them. Every other category is used only with your consent: preference cookies remember the language you chose; the site uses no analytics or marketing cookies today, and should it ever do so, only with your consent. Rejecting does not take away any feature of the site, and you can change your choice at any time from "Cookie settings" at the bottom of every page.',
    settingsTitle: 'Cookie settings',
    settingsIntro: 'Choose each category separately. Apart from necessary cookies, every category is off until you switch it on.',
    alwaysOn: 'Always on',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    settings: 'Settings',
    save: 'Save settings',
    nothingInUse: 'The site uses no cookies of this kind today.',
    lifetimeLabel: 'Kept',
    categories: {
      necessary: { label: 'Necessary cookies', description: 'Needed for the site to work; they cannot be switched off.' },
      preferences: { label: 'Preference cookies', description: 'Remember your choices (such as the language) for your next visit.' },
      analytics: { label: 'Analytics cookies', description: 'Tell us how the site is used, so we can improve it.' },
      marketing: { label: 'Marketing cookies', description: 'Show promotions relevant to you.' },
    },
  },
};

/** "1 年", "180 天", "关闭浏览器时删除" / "1 year", "180 days", "until the browser is closed". */
export function describeLifetime(entry: CatalogueEntry, language: ConsentLanguage): string {
  const zh = language === 'zh-CN';
  let base: string;
  if (entry.lifetime === 'session') base = zh ? '关闭浏览器时删除' : 'until the browser is closed';
  else {
    const days = Math.round(entry.lifetime / 86_400);
    const years = days % 365 === 0 ? days / 365 : null;
    if (years !== null) base = zh ? `${years} 年` : `${years} year${years === 1 ? '' : 's'}`;
    else base = zh ? `${days} 天` : `${days} days`;
  }
  const note = entry.lifetimeNote?.[zh ? 'zh' : 'en'];
  return note ? `${base}${zh ? '（' : ' ('}${note}${zh ? '）' : ')'}` : base;
}

/** What follows an item's name in the settings: `：用途；保存期限：1 年` / `: purpose; kept for: 1 year`. */
export function describeEntry(entry: CatalogueEntry, language: ConsentLanguage): string {
  const { lifetimeLabel } = cookieConsentTexts[language];
  const purpose = entry.purpose[language === 'zh-CN' ? 'zh' : 'en'];
  return language === 'zh-CN' ? `：${purpose}；${lifetimeLabel}：${describeLifetime(entry, language)}` : `: ${purpose}; ${lifetimeLabel}: ${describeLifetime(entry, language)}`;
}

/**
 * The full text of one surface as the person saw it, one line per element, in display order: the
 * server hashes this into the consent record (hashConsentText), the web app renders the same parts.
 */
export function cookieConsentText(language: ConsentLanguage, surface: ConsentSurface): string {
  const text = cookieConsentTexts[language];
  if (surface === 'banner') return [text.bannerTitle, text.bannerBody, text.acceptAll, text.rejectAll, text.settings].join('\n');
  const lines = [text.settingsTitle, text.settingsIntro];
  for (const category of cookieCategories) {
    const { label, description } = text.categories[category];
    const alwaysOn = language === 'zh-CN' ? `（${text.alwaysOn}）` : ` (${text.alwaysOn})`;
    lines.push(category === 'necessary' ? `${label}${alwaysOn}` : label, description);
    const entries = entriesIn(category);
    if (entries.length === 0) lines.push(text.nothingInUse);
    for (const entry of entries) lines.push(`${entry.name}${describeEntry(entry, language)}`);
  }
  lines.push(text.rejectAll, text.acceptAll, text.save);
  return lines.join('\n');
}
