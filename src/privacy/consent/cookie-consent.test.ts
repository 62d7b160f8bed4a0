import { describe, expect, it } from 'vitest';
import { CSRF_COOKIE } from '../../http/plugins/csrf.ts';
import { CUSTOMER_COOKIE, STAFF_COOKIE } from '../../http/plugins/sessions.ts';
import { sessionPolicy } from '../../modules/accounts/sessions/session-policy.ts';
import { LANGUAGE_COOKIE, ONE_YEAR_SECONDS } from '../../../web/src/i18n/language.ts';
import { consentPurposes } from './consent-purposes.ts';
import { CONSENT_COOKIE, consentCookieFrom, formatConsentCookie, isDecisionCurrent, parseConsentCookie } from './cookies/consent-cookie.ts';
import {
  acceptAllChoice,
  allowanceOf,
  catalogueEntry,
  cookieCatalogue,
  optionalCookieCategories,
  rejectAllChoice,
} from './cookies/cookie-catalogue.ts';
import { cookieConsentText, cookieConsentTexts } from './cookies/consent-text.ts';
import { newVisitorId } from './decide-cookie-consent.ts';
import { hashConsentText } from './record-consent.ts';

const visitorId = 'vis_0123456789abcdefghjkmnpqrs';

describe('cookie catalogue', () => {
  it('R-USE-3 lists every cookie the server and the web app set, with the same names and lifetimes', () => {
    expect(catalogueEntry('cookie', CUSTOMER_COOKIE)).toMatchObject({ category: 'necessary', httpOnly: true, lifetime: sessionPolicy.customer.absoluteSeconds });
    expect(catalogueEntry('cookie', STAFF_COOKIE)).toMatchObject({ category: 'necessary', httpOnly: true, lifetime: 'session' });
    expect(catalogueEntry('cookie', CSRF_COOKIE)).toMatchObject({ category: 'necessary', httpOnly: false, lifetime: 'session' });
    expect(catalogueEntry('cookie', CONSENT_COOKIE)).toMatchObject({ category: 'necessary', httpOnly: false });
    expect(catalogueEntry('cookie', LANGUAGE_COOKIE)).toMatchObject({ category: 'preferences', lifetime: ONE_YEAR_SECONDS, withoutConsent: 'session_only' });
    expect(new Set(cookieCatalogue.map((entry) => `${entry.kind}:${entry.name}`)).size).toBe(cookieCatalogue.length);
  });

  it('R-USE-3 every optional category has its own consent purpose in the consent core', () => {
    for (const category of optionalCookieCategories) expect(consentPurposes[`cookies_${category}`]?.essential).toBe(false);
  });

  it('R-USE-3 without consent only necessary items stay; the language survives only as a session cookie; anything unlisted goes', () => {
    expect(allowanceOf('cookie', 'bt_sid', rejectAllChoice)).toBe('keep');
    expect(allowanceOf('cookie', 'bt_consent', rejectAllChoice)).toBe('keep');
    expect(allowanceOf('cookie', 'bt_lang', rejectAllChoice)).toBe('session');
    expect(allowanceOf('cookie', 'bt_lang', { ...rejectAllChoice, preferences: true })).toBe('keep');
    expect(allowanceOf('cookie', 'bt_lang', { ...rejectAllChoice, analytics: true, marketing: true })).toBe('session');
    expect(allowanceOf('cookie', '_ga', acceptAllChoice)).toBe('remove');
    expect(allowanceOf('localStorage', 'bt_lang', acceptAllChoice)).toBe('remove');
    expect(allowanceOf('sessionStorage', 'anything', acceptAllChoice)).toBe('remove');
  });
});

describe('consent cookie', () => {
  it('R-USE-3 round-trips the visitor id, policy version and the three answers, and holds nothing else', () => {
    const cookie = { visitorId, policyVersion: 3, choice: { preferences: true, analytics: false, marketing: true } };
    const value = formatConsentCookie(cookie);
    expect(value).toBe(`c1.${visitorId}.3.101`);
    expect(parseConsentCookie(value)).toEqual(cookie);
    expect(consentCookieFrom(`bt_csrf=x; ${CONSENT_COOKIE}=${value}; bt_lang=en`)).toEqual(cookie);
  });

  it('R-USE-3 a malformed or foreign value counts as no decision', () => {
    for (const value of [undefined, '', 'c1', `c2.${visitorId}.1.000`, `c1.cus_0123456789abcdefghjkmnpqrs.1.000`, `c1.${visitorId}.x.000`, `c1.${visitorId}.1.0101`, `c1.${visitorId}.1.000.extra`]) {
      expect(parseConsentCookie(value)).toBeNull();
    }
    expect(consentCookieFrom('bt_lang=en')).toBeNull();
  });

  it('R-USE-3 a decision counts until a newer cookie-policy version takes effect', () => {
    const cookie = { visitorId, policyVersion: 2, choice: acceptAllChoice };
    expect(isDecisionCurrent(cookie, 2)).toBe(true);
    expect(isDecisionCurrent(cookie, 1)).toBe(true);
    expect(isDecisionCurrent(cookie, 3)).toBe(false);
    expect(isDecisionCurrent({ ...cookie, policyVersion: 0 }, null)).toBe(true);
    expect(isDecisionCurrent({ ...cookie, policyVersion: 0 }, 1)).toBe(false);
    expect(isDecisionCurrent(null, null)).toBe(false);
  });

  it('R-USE-3 visitor ids are random and shaped like the cookie expects', () => {
    const ids = new Set(Array.from({ length: 100 }, newVisitorId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(parseConsentCookie(`c1.${id}.0.000`)?.visitorId).toBe(id);
  });
});

describe('consent text', () => {
  it('R-USE-3 the banner offers accept all, reject all and settings; the settings text names every catalogued item and category', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const texts = cookieConsentTexts[language];
      const banner = cookieConsentText(language, 'banner');
      for (const label of [texts.acceptAll, texts.rejectAll, texts.settings]) expect(banner).toContain(label);
      const settings = cookieConsentText(language, 'settings');
      for (const entry of cookieCatalogue) expect(settings).toContain(entry.name);
      for (const category of Object.values(texts.categories)) expect(settings).toContain(category.label);
    }
    expect(cookieConsentText('zh-CN', 'banner')).toContain('全部拒绝');
    expect(cookieConsentText('zh-CN', 'settings')).toContain('bt_lang：记住您切换的界面语言；保存期限：1 年（未同意时只保留到关闭浏览器）');
    expect(cookieConsentText('en', 'settings')).toContain('bt_csrf: Protects you against requests forged by other sites; Kept: until the browser is closed');
  });

  it('R-USE-3 each language and surface has its own text hash, so a record says which words were answered', () => {
    const hashes = new Set(['zh-CN', 'en'].flatMap((language) => (['banner', 'settings'] as const).map((surface) => hashConsentText(cookieConsentText(language as 'zh-CN' | 'en', surface)))));
    expect(hashes.size).toBe(4);
  });
});
