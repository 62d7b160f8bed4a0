import type { CookieChoice } from '../../../src/privacy/consent/cookies/cookie-catalogue.ts';
import type { ConsentLanguage, ConsentSurface } from '../../../src/privacy/consent/cookies/consent-text.ts';
import { apiRequest } from './client';

/** GET/POST /api/site/cookie-consent. */
export interface CookieConsentState {
  policyVersion: number | null;
  needsDecision: boolean;
  choice: CookieChoice | null;
}

export function fetchCookieConsent(signal?: AbortSignal): Promise<CookieConsentState> {
  return apiRequest<CookieConsentState>('/api/site/cookie-consent', { signal });
}

export function decideCookieConsent(body: { choice: CookieChoice; language: ConsentLanguage; surface: ConsentSurface }): Promise<CookieConsentState> {
  return apiRequest<CookieConsentState>('/api/site/cookie-consent', { method: 'POST', body });
}
