// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.

/** The categories of the cookie banner; only `necessary` is on without the person's consent. */
export const cookieCategories = ['necessary', 'preferences', 'analytics', 'marketing'] as const;
export type CookieCategory = (typeof cookieCategories)[number];
export const optionalCookieCategories = ['preferences', 'analytics', 'marketing'] as const;
export type OptionalCookieCategory = (typeof optionalCookieCategories)[number];

/** The person's answer per optional category. Absent a decision, every one is `false`. */
export type CookieChoice = Record<OptionalCookieCategory, boolean>;
export const rejectAllChoice: CookieChoice = Object.freeze({ preferences: false, analytics: false, marketing: false });
export const acceptAllChoice: CookieChoice = Object.freeze({ preferences: true, analytics: true, marketing: true });

export type StorageKind = 'cookie' | 'localStorage' | 'sessionStorage';
type Bilingual = { zh: string; en: string };

export interface CatalogueEntry {
  name: string;
  kind: StorageKind;
  category: CookieCategory;
  /** Who writes it: the server (Set-Cookie) or the web app. */
  setBy: 'server' | 'browser';
  /** Whether page scripts can read it (an httpOnly cookie is invisible to them, and to an attacker's script). */
  httpOnly: boolean;
  purpose: Bilingual;
  /** How long the browser keeps it: seconds, or `session` (until the browser is closed). */
  lifetime: number | 'session';
  lifetimeNote?: Bilingual;
  /**
   * Without consent to its category the item is still written, but only for the browser session,
   * because it then only carries out a request the person just made (see bt_lang below).
   */
  withoutConsent?: 'session_only';
}

const DAY = 24 * 3600;
export const LANGUAGE_COOKIE_MAX_AGE = 365 * DAY;
/** The cookie choice is remembered for six months, then asked again (CNIL's guidance on refusals and consents alike). */
export const CONSENT_COOKIE_MAX_AGE = 180 * DAY;

/**
 * Everything the site (customer site and staff console, one origin) stores in a browser: the audit
 * of R-USE-3. A test keeps it in step with the server's cookie names and lifetimes, and the browser
 * test fails on anything found in the jar or in Web Storage that is not listed here as allowed.
 *
 * Why each is strictly necessary, or not:
 * - bt_sid, bt_staff: keep a person signed in — a service they asked for cannot work without them.
 * - bt_csrf: security of every form (double-submit CSRF token); no identifier of the person.
 * - bt_consent: remembers the cookie choice itself, so the site can honour it (a refusal too).
 * - bt_lang: a language the person chose. Remembering it across visits is a convenience, not
 *   needed for the service, so it is a preference: without consent it is written as a session
 *   cookie (gone when the browser closes), which only carries out the switch the person just asked
 *   for (Art. 29 WP opinion 04/2012 §3.6, "user-interface customisation" cookies); with consent it
 *   is kept for a year. The alternative (memory only) would forget the language on every reload.
 * Nothing is kept in localStorage or sessionStorage, and no analytics or marketing cookie is in use:
 * those categories are offered so that, when one arrives, it can only be enabled by consent.
 */
export const cookieCatalogue: readonly CatalogueEntry[] = [
  {
    name: 'bt_sid',
    kind: 'cookie',
    category: 'necessary',
    setBy: 'server',
    httpOnly: true,
    purpose: { zh: '登录后保持您的登录状态（只含随机令牌，不含个人信息）', en: 'Keeps you signed in after you sign in (a random token, no personal information)' },
    lifetime: 365 * DAY,
    lifetimeNote: { zh: '登录状态在 30 天未访问后失效', en: 'the sign-in ends after 30 days without a visit' },
  },
  {
    name: 'bt_csrf',
    kind: 'cookie',
    category: 'necessary',
    setBy: 'server',
    httpOnly: false,
    purpose: { zh: '防止其他网站冒用您的身份提交请求', en: 'Protects you against requests forged by other sites' },
    lifetime: 'session',
  },
  {
    name: 'bt_staff',
    kind: 'cookie',
    category: 'necessary',
    setBy: 'server',
    httpOnly: true,
    purpose: { zh: '仅用于工作人员登录管理后台', en: 'Keeps staff signed in to the staff console (staff only)' },
    lifetime: 'session',
  },
  {
    name: 'bt_consent',
    kind: 'cookie',
    category: 'necessary',
    setBy: 'server',
    httpOnly: false,
    purpose: { zh: '记住您的 Cookie 选择（随机访客编号、政策版本和各类别的选择）', en: 'Remembers your cookie choice (a random visitor number, the policy version and your answers)' },
    lifetime: CONSENT_COOKIE_MAX_AGE,
  },
  {
    name: 'bt_lang',
    kind: 'cookie',
    category: 'preferences',
    setBy: 'browser',
    httpOnly: false,
    purpose: { zh: '记住您切换的界面语言', en: 'Remembers the language you switched to' },
    lifetime: LANGUAGE_COOKIE_MAX_AGE,
    lifetimeNote: { zh: '未同意时只保留到关闭浏览器', en: 'without consent, only until the browser is closed' },
    withoutConsent: 'session_only',
  },
];

export function catalogueEntry(kind: StorageKind, name: string): CatalogueEntry | undefined {
  return cookieCatalogue.find((entry) => entry.kind === kind && entry.name === name);
}

export function entriesIn(category: CookieCategory): CatalogueEntry[] {
  return cookieCatalogue.filter((entry) => entry.category === category);
}

export function isCategoryAllowed(category: CookieCategory, choice: CookieChoice): boolean {
  return category === 'necessary' || choice[category];
}

/**
 * What may stay in the browser under a choice: `keep` it, keep it only as a `session` cookie, or
 * `remove` it. Anything not in the catalogue is removed: nothing unlisted may be stored.
 */
export function allowanceOf(kind: StorageKind, name: string, choice: CookieChoice): 'keep' | 'session' | 'remove' {
  const entry = catalogueEntry(kind, name);
  if (!entry) return 'remove';
  if (isCategoryAllowed(entry.category, choice)) return 'keep';
  return entry.withoutConsent === 'session_only' && kind === 'cookie' ? 'session' : 'remove';
}
