// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
import { optionalCookieCategories, type CookieChoice } from './cookie-catalogue.ts';

/** The necessary first-party cookie that holds the cookie choice: no personal information beyond a random visitor number. */
export const CONSENT_COOKIE = 'bt_consent';
const FORMAT = 'c1';
const VISITOR_ID = /^vis_[0-9a-z]{26}$/;

export interface ConsentCookie {
  /** Random id of this browser (`vis_…`), the subject of the decision when nobody is signed in. */
  visitorId: string;
  /** The cookie-policy version in effect when the choice was made; 0 when none had been published. */
  policyVersion: number;
  choice: CookieChoice;
}

export function isVisitorId(value: string): boolean {
  return VISITOR_ID.test(value);
}

/** `c1.vis_….3.101`: format, visitor id, policy version, then preferences/analytics/marketing as 0 or 1. */
export function formatConsentCookie(cookie: ConsentCookie): string {
  const flags = optionalCookieCategories.map((category) => (cookie.choice[category] ? '1' : '0')).join('');
  return [FORMAT, cookie.visitorId, String(cookie.policyVersion), flags].join('.');
}

/** The parsed cookie value, or null for anything malformed (treated as "no decision yet"). */
export function parseConsentCookie(value: string | undefined): ConsentCookie | null {
  if (!value) return null;
  const [format, visitorId, version, flags, ...rest] = value.split('.');
  if (format !== FORMAT || rest.length > 0 || !visitorId || !isVisitorId(visitorId)) return null;
  if (!version || !/^\d{1,9}$/.test(version) || !flags || !/^[01]{3}$/.test(flags)) return null;
  const [preferences, analytics, marketing] = [...flags].map((flag) => flag === '1') as [boolean, boolean, boolean];
  return { visitorId, policyVersion: Number(version), choice: { preferences, analytics, marketing } };
}

/** bt_consent out of a Cookie header or document.cookie string. */
export function consentCookieFrom(cookieString: string): ConsentCookie | null {
  for (const part of cookieString.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== CONSENT_COOKIE) continue;
    return parseConsentCookie(part.slice(separator + 1).trim());
  }
  return null;
}

/**
 * Whether a stored decision still counts: it does while no newer cookie-policy version has taken
 * effect. A newer version asks again, and until the person answers nothing optional is allowed.
 */
export function isDecisionCurrent(cookie: ConsentCookie | null, effectiveVersion: number | null): cookie is ConsentCookie {
  return cookie !== null && cookie.policyVersion >= (effectiveVersion ?? 0);
}
