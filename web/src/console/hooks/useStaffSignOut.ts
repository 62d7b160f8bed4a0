import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { staffSignOut } from '../../api/consoleAuth';
import { forgetConsoleData } from '../../api/forgetConsoleData';
import { queryKeys } from '../../api/queryKeys';
import { describeError } from '../../shared/describeError';

/**
 * Ends the staff session. The console layout's guard then sends the browser to the sign-in page;
 * `onSignedOut` runs first so the layout knows the person left on purpose (no "?next=" back).
 */
export function useStaffSignOut(onSignedOut: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: staffSignOut,
    onSuccess: ({ csrfToken }) => {
      onSignedOut();
      forgetConsoleData(queryClient);
      queryClient.setQueryData(queryKeys.consoleSession, { staff: null, csrfToken });
      void message.success(t('console.signedOut'));
    },
    onError: (error) => {
      const { title, detail } = describeError(error, t);
      void message.error(detail || title);
    },
  });
}
