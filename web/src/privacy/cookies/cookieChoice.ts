import { consentCookieFrom, isDecisionCurrent } from '../../../../src/privacy/consent/cookies/consent-cookie.ts';
import { rejectAllChoice, type CookieChoice, type OptionalCookieCategory } from '../../../../src/privacy/consent/cookies/cookie-catalogue.ts';

// The cookie-policy version in effect, as the server last said; unknown until its first answer.
let knownPolicyVersion: number | null | undefined;

export function rememberPolicyVersion(version: number | null): void {
  knownPolicyVersion = version;
}

/**
 * The choice in force in this browser, from the bt_consent cookie. Until the server has said which
 * cookie-policy version is in effect — and whenever the choice predates it — nothing optional is allowed.
 */
export function cookieChoiceInForce(): CookieChoice {
  if (knownPolicyVersion === undefined) return rejectAllChoice;
  const cookie = consentCookieFrom(document.cookie);
  return isDecisionCurrent(cookie, knownPolicyVersion) ? cookie.choice : rejectAllChoice;
}

/** Whether an optional category may be used now: what any code that wants to store something asks first. */
export function isCookieCategoryAllowed(category: OptionalCookieCategory): boolean {
  return cookieChoiceInForce()[category];
}
