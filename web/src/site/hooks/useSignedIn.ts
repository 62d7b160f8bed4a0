import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedIn } from '../../api/types';
import { useApplySiteSession } from './useApplySiteSession';

/** What happens after either way of signing in succeeds; the sign-in page then moves on by itself. */
export function useSignedIn(): (result: SignedIn) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const applySession = useApplySiteSession();
  return useCallback(
    (result: SignedIn) => {
      applySession({ actor: { type: 'customer', id: result.customerId }, csrfToken: result.csrfToken });
      void message.success(result.isNewAccount ? t('auth.welcomeNew') : t('auth.welcomeBack'));
    },
    [applySession, message, t],
  );
}
