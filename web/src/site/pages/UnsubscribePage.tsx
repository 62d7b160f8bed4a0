import { useMutation } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { unsubscribe } from '../../api/consents';
import { ButtonLink } from '../../shared/ButtonLink';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeading } from '../components/PageHeading';

/**
 * Where a marketing message's unsubscribe link lands (R-USE-2). Opening the link is the one click:
 * the page withdraws that channel's consent at once, signed in or not, and says so.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('unsubscribe.title'));
  const withdraw = useMutation({ mutationFn: unsubscribe });
  const { mutate } = withdraw;
  // Once per visit, even when React runs the effect twice in development.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate(token);
  }, [mutate, token]);

  let body;
  if (withdraw.isError) {
    body = <ErrorNotice variant="result" error={withdraw.error} onRetry={() => withdraw.mutate(token)} />;
  } else if (withdraw.isSuccess) {
    const channel = t(`unsubscribe.channels.${withdraw.data.purpose}`);
    body = (
      <Result
        status="success"
        title={<span data-testid="unsubscribe-result" data-outcome={withdraw.data.outcome}>{t(withdraw.data.outcome === 'withdrawn' ? 'unsubscribe.withdrawn' : 'unsubscribe.alreadyWithdrawn', { channel })}</span>}
        subTitle={
          <>
            {t('unsubscribe.effect')}
            <br />
            {t('unsubscribe.manage')}
          </>
        }
        extra={
          <ButtonLink to="/account/consents" type="default">
            {t('unsubscribe.toConsents')}
          </ButtonLink>
        }
      />
    );
  } else {
    body = <Result icon={<Spin />} title={t('unsubscribe.working')} />;
  }

  return (
    <>
      <PageHeading title={t('unsubscribe.title')} testId="unsubscribe-title" narrow />
      <div className="site-container page-narrow page-body">{body}</div>
    </>
  );
}
