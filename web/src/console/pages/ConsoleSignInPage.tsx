import { ArrowLeftOutlined, HomeOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/apiError';
import { forgetConsoleData } from '../../api/forgetConsoleData';
import { queryKeys } from '../../api/queryKeys';
import type { StaffPasswordStep } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { PageSpinner } from '../../shared/PageSpinner';
import { safeNextPath } from '../../shared/safeNextPath';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { StaffPasswordForm } from '../components/StaffPasswordForm';
import { TotpCodeForm } from '../components/TotpCodeForm';
import { TotpEnrollment } from '../components/TotpEnrollment';
import { useConsoleSession } from '../hooks/useConsoleSession';
import './console-sign-in.css';

function SignInSteps() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<StaffPasswordStep | null>(null);
  const [problem, setProblem] = useState<unknown>(undefined);

  const onTotpProblem = (error: unknown) => {
    // The password step is only good for 5 minutes; after that the person starts again from it.
    if (error instanceof ApiError && error.code === 'session_expired') setStep(null);
    setProblem(error);
  };

  const onSignedIn = () => {
    // Whatever a previous staff member left in the cache must not show; the session answer now names
    // this person, and the page moves on to the console as soon as it arrives.
    forgetConsoleData(queryClient);
    void queryClient.invalidateQueries({ queryKey: queryKeys.consoleSession });
  };

  const notice = problem ? (
    <div className="console-sign-in__notice" data-testid="staff-sign-in-problem">
      <ErrorNotice error={problem} />
    </div>
  ) : null;

  if (step === null) {
    return (
      <>
        <h1 className="console-sign-in__title" data-testid="console-sign-in-title">
          {t('console.signIn.title')}
        </h1>
        <p className="console-sign-in__intro">{t('console.signIn.subtitle')}</p>
        {notice}
        <StaffPasswordForm onNext={setStep} onProblem={setProblem} />
      </>
    );
  }

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      className="console-sign-in__back"
      onClick={() => {
        setStep(null);
        setProblem(undefined);
      }}
    >
      {t('console.signIn.back')}
    </Button>
  );

  if (step.step === 'totp') {
    return (
      <>
        <h1 className="console-sign-in__title">{t('console.signIn.totpTitle')}</h1>
        <p className="console-sign-in__intro">{t('console.signIn.totpIntro')}</p>
        {notice}
        <TotpCodeForm stepToken={step.stepToken} submitLabel={t('console.signIn.verify')} onSignedIn={onSignedIn} onProblem={onTotpProblem} />
        {back}
      </>
    );
  }

  return (
    <>
      <h1 className="console-sign-in__title">{t('console.signIn.enrollTitle')}</h1>
      <p className="console-sign-in__intro">{t('console.signIn.enrollIntro')}</p>
      <ol className="console-sign-in__steps" data-testid="totp-enrollment">
        <li>{t('console.signIn.enrollInstall')}</li>
        <li>
          {t('console.signIn.enrollScan')}
          <TotpEnrollment qrDataUrl={step.qrDataUrl} secret={step.secret} />
        </li>
        <li>{t('console.signIn.enrollCode')}</li>
      </ol>
      {notice}
      <TotpCodeForm stepToken={step.stepToken} submitLabel={t('console.signIn.enrollSubmit')} onSignedIn={onSignedIn} onProblem={onTotpProblem} />
      {back}
    </>
  );
}

/** Staff sign-in, outside the console layout: password, then a code from an authenticator app. */
export function ConsoleSignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useConsoleSession();
  useDocumentTitle(t('console.signIn.title'));

  if (session.data?.staff) {
    return <Navigate to={safeNextPath(params.get('next'), { fallback: '/console', within: '/console', exclude: ['/console/sign-in'] })} replace />;
  }

  return (
    <div className="console-sign-in">
      <header className="console-sign-in__bar">
        <span className="console-sign-in__brand">
          <SafetyCertificateFilled className="console-sign-in__mark" aria-hidden />
          {t('console.title')}
        </span>
        <div className="console-sign-in__bar-actions">
          <Link to="/" className="console-sign-in__home" aria-label={t('console.backToSite')} title={t('console.backToSite')}>
            <HomeOutlined aria-hidden />
            <span className="console-sign-in__home-text">{t('console.backToSite')}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main className="console-sign-in__main">
        <div className="console-sign-in__card">
          {session.isPending ? (
            <PageSpinner />
          ) : session.isError ? (
            <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />
          ) : (
            <SignInSteps />
          )}
        </div>
      </main>
    </div>
  );
}
