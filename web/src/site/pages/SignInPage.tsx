import { Tabs } from 'antd';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { PageSpinner } from '../../shared/PageSpinner';
import { safeNextPath } from '../../shared/safeNextPath';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { CodeSignInForm } from '../components/CodeSignInForm';
import { PasswordSignInForm } from '../components/PasswordSignInForm';
import { isCustomer, useSiteSession } from '../hooks/useSiteSession';
import './sign-in.css';

const DEFAULT_AFTER_SIGN_IN = '/account/security';

/** One page for signing in and registering: the first sign-in with a code registers the number. */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useSiteSession();
  // Shared by both tabs, so switching between them keeps the number typed so far.
  const [phone, setPhone] = useState('');
  useDocumentTitle(t('auth.title'));

  if (session.isPending) return <PageSpinner />;
  // Signed in (now, or already when the page opened): on to where the person was going.
  if (isCustomer(session.data)) {
    return <Navigate to={safeNextPath(params.get('next'), { fallback: DEFAULT_AFTER_SIGN_IN, exclude: ['/sign-in'] })} replace />;
  }

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <div className="sign-in__card">
        <h1 id="sign-in-title" className="sign-in__title" data-testid="sign-in-title">
          {t('auth.title')}
        </h1>
        <p className="sign-in__intro">{t('auth.intro')}</p>

        {session.isError ? (
          <div className="sign-in__notice">
            <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />
          </div>
        ) : null}

        <Tabs
          className="sign-in__tabs"
          aria-label={t('auth.tabsLabel')}
          destroyOnHidden
          items={[
            { key: 'code', label: t('auth.codeTab'), children: <CodeSignInForm phone={phone} onPhoneChange={setPhone} /> },
            { key: 'password', label: t('auth.passwordTab'), children: <PasswordSignInForm phone={phone} onPhoneChange={setPhone} /> },
          ]}
        />

        <p className="sign-in__note" data-testid="sign-in-register-note">
          <Trans i18nKey="auth.registerNote" components={{ privacy: <Link to="/privacy" /> }} />
        </p>
      </div>
    </section>
  );
}
