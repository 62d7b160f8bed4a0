import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Tag } from 'antd';
import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/apiError';
import type { MyMessage } from '../../../../src/shared/marketing.ts';
import { markMyMessagesRead } from '../../api/consents';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/formatDateTime';
import { PageSpinner } from '../../shared/PageSpinner';
import { signInPathFor } from '../../shared/safeNextPath';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useLanguage } from '../../shared/useLanguage';
import { PageHeading } from '../components/PageHeading';
import { useDecideConsent, useMyConsents, useMyMessages } from '../hooks/useConsents';
import { isCustomer, useSiteSession } from '../hooks/useSiteSession';
import './account.css';
import './consents.css';

/** Switching in-app marketing off right where the messages are: one click, like the links in SMS and e-mail. */
function StopInAppMarketing() {
  const { t } = useTranslation();
  const consents = useMyConsents();
  const decide = useDecideConsent();
  const inApp = consents.data?.purposes.find((purpose) => purpose.purpose === 'marketing_in_app');
  if (!inApp) return null;
  if (inApp.granted !== true) {
    return (
      <Alert
        className="site-messages__stop"
        type="info"
        showIcon
        data-testid="in-app-marketing-off"
        title={<Trans i18nKey="messages.stoppedState" components={{ consents: <Link to="/account/consents" /> }} />}
      />
    );
  }
  return (
    <Button
      className="site-messages__stop"
      data-testid="stop-in-app-marketing"
      loading={decide.isPending}
      onClick={() => decide.mutate({ purpose: inApp.purpose, decision: 'withdraw', version: inApp.version, label: inApp.text })}
    >
      {t('messages.stop')}
    </Button>
  );
}

function MessageItem({ message }: { message: MyMessage }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <li className="site-message" data-testid="site-message">
      <div className="site-message__head">
        <Tag color="orange">{t('messages.promotion')}</Tag>
        {message.isRead ? null : <Tag color="blue">{t('messages.unread')}</Tag>}
        <span className="site-message__title">{message.title}</span>
        <span className="site-message__time">{formatDateTime(message.at, language)}</span>
      </div>
      <p className="site-message__text">{message.text}</p>
    </li>
  );
}

function Messages() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const messages = useMyMessages();
  // Not refetched on success: the "new" tags stay for this visit and are gone the next time.
  const markRead = useMutation({ mutationFn: markMyMessagesRead });
  const hasUnread = messages.data?.some((message) => !message.isRead) ?? false;
  const { mutate } = markRead;
  // Opening the page reads them.
  useEffect(() => {
    if (hasUnread) mutate();
  }, [hasUnread, mutate]);

  if (messages.isPending) return <PageSpinner />;
  if (messages.error instanceof ApiError && messages.error.status === 401) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  if (messages.isError) return <ErrorNotice variant="result" error={messages.error} onRetry={() => void messages.refetch()} />;
  return (
    <Card className="account-card" data-testid="site-messages" data-count={messages.data.length}>
      {messages.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('messages.empty')} />
      ) : (
        <ul className="site-messages">
          {messages.data.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ul>
      )}
      <StopInAppMarketing />
    </Card>
  );
}

/** 站内消息: in-app marketing messages, apart from service messages, with a one-click way to stop them. */
export function MessagesPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useSiteSession();
  useDocumentTitle(t('messages.title'));

  let body;
  if (session.isPending) body = <PageSpinner />;
  else if (session.isError) body = <ErrorNotice variant="result" error={session.error} onRetry={() => void session.refetch()} />;
  else if (!isCustomer(session.data)) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  else body = <Messages />;

  return (
    <>
      <PageHeading title={t('messages.title')} intro={t('messages.intro')} testId="messages-title" narrow />
      <div className="site-container page-narrow page-body">{body}</div>
    </>
  );
}
