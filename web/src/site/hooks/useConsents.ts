import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { decideConsent, fetchMyConsents, fetchMyMessages, type ConsentDecision } from '../../api/consents';
import { queryKeys } from '../../api/queryKeys';
import { describeError } from '../../shared/describeError';
import { useLanguage } from '../../shared/useLanguage';

// What the person decided is asked afresh whenever a page shows it (an unsubscribe link used on the
// phone a minute ago must show here as withdrawn), and in the language shown: the wording comes
// from the server, whose hash a decision records.

export function useMyConsents() {
  const { language } = useLanguage();
  return useQuery({ queryKey: [...queryKeys.accountConsents, language], queryFn: ({ signal }) => fetchMyConsents(signal), staleTime: 0 });
}

export function useMyMessages() {
  const { language } = useLanguage();
  return useQuery({ queryKey: [...queryKeys.accountMessages, language], queryFn: ({ signal }) => fetchMyMessages(signal), staleTime: 0 });
}

/** Grants or withdraws one purpose; says so, and refreshes the consents and what depends on them. */
export function useDecideConsent() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ label: _label, ...decision }: ConsentDecision & { label: string }) => decideConsent(decision),
    onSuccess: (_result, { decision, label }) => {
      void message.success(t(decision === 'grant' ? 'consents.granted' : 'consents.withdrawn', { purpose: label }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountConsents });
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountMessages });
    },
    onError: (error) => {
      const { title, detail } = describeError(error, t);
      void message.error(detail || title);
      // A changed wording (consent_text_changed) is shown again as it now reads.
      void queryClient.invalidateQueries({ queryKey: queryKeys.accountConsents });
    },
  });
}
