import { useMutation } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { signOut } from '../../api/siteAuth';
import { describeError } from '../../shared/describeError';
import { useApplySiteSession } from './useApplySiteSession';

/** Signs this browser out and goes to the home page. */
export function useSiteSignOut() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const applySession = useApplySiteSession();
  return useMutation({
    mutationFn: signOut,
    onSuccess: async ({ csrfToken }) => {
      // Leave first, and render the new page before the session changes (flushSync: router updates
      // are otherwise transitions that render later): a signed-in page still on screen would react to
      // the sign-out by sending the person to the sign-in page.
      await navigate('/', { flushSync: true });
      applySession({ actor: { type: 'anonymous' }, csrfToken });
      void message.success(t('nav.signedOut'));
    },
    onError: (error) => {
      const { title, detail } = describeError(error, t);
      void message.error(detail || title);
    },
  });
}
