import { useMutation } from '@tanstack/react-query';
import { App, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOutEverywhere } from '../../api/account';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useApplySiteSession } from '../hooks/useApplySiteSession';

/** Ends every session of the account, this one included, after asking. */
export function SignOutEverywhereButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const applySession = useApplySiteSession();
  const [confirming, setConfirming] = useState(false);

  const everywhere = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: ({ csrfToken }) => {
      setConfirming(false);
      // Now signed out here too: the account page's guard sends the person to sign in.
      applySession({ actor: { type: 'anonymous' }, csrfToken });
      void message.success(t('account.sessions.everywhereDone'));
    },
  });

  return (
    <>
      <Button danger onClick={() => setConfirming(true)} data-testid="sign-out-everywhere" title={t('account.sessions.everywhereHint')}>
        {t('account.sessions.everywhere')}
      </Button>
      <Modal
        open={confirming}
        title={t('account.sessions.confirmTitle')}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setConfirming(false)}>
            {t('account.sessions.cancel')}
          </Button>,
          <Button key="ok" type="primary" danger loading={everywhere.isPending} onClick={() => everywhere.mutate()} data-testid="sign-out-everywhere-confirm">
            {t('account.sessions.confirmOk')}
          </Button>,
        ]}
      >
        <p>{t('account.sessions.confirmBody')}</p>
        {everywhere.isError ? <ErrorNotice error={everywhere.error} /> : null}
      </Modal>
    </>
  );
}
