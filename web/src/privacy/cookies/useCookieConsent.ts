import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { rejectAllChoice, type CookieChoice } from '../../../../src/privacy/consent/cookies/cookie-catalogue.ts';
import type { ConsentSurface } from '../../../../src/privacy/consent/cookies/consent-text.ts';
import { decideCookieConsent, fetchCookieConsent, type CookieConsentState } from '../../api/cookieConsent';
import { currentLanguage } from '../../i18n';
import { applyCookieChoice } from './browserStorage';
import { rememberPolicyVersion } from './cookieChoice';

const cookieConsentKey = ['site', 'cookie-consent'] as const;

/**
 * This browser's cookie choice, asked once when the site opens. Whatever the answer, the browser is
 * brought in line with it at once: with no current decision (first visit, or a newer cookie policy),
 * everything optional is removed until the person answers.
 */
export function useCookieConsent() {
  const query = useQuery({ queryKey: cookieConsentKey, queryFn: ({ signal }) => fetchCookieConsent(signal), staleTime: 5 * 60_000 });
  const state = query.data;
  useEffect(() => {
    if (!state) return;
    rememberPolicyVersion(state.policyVersion);
    applyCookieChoice(state.choice ?? rejectAllChoice, { isNewDecision: false });
  }, [state]);
  return query;
}

/** Records a decision; the answer replaces the cached state and the browser is cleaned or extended to match. */
export function useDecideCookieConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ choice, surface }: { choice: CookieChoice; surface: ConsentSurface }) => decideCookieConsent({ choice, surface, language: currentLanguage() }),
    onSuccess: (state: CookieConsentState) => {
      rememberPolicyVersion(state.policyVersion);
      applyCookieChoice(state.choice ?? rejectAllChoice, { isNewDecision: true });
      queryClient.setQueryData(cookieConsentKey, state);
    },
  });
}
