import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/apiError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { PageSpinner } from '../../shared/PageSpinner';
import { signInPathFor } from '../../shared/safeNextPath';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { AccountOverviewCard } from '../components/AccountOverviewCard';
import { PageHeading } from '../components/PageHeading';
import { PasswordCard } from '../components/PasswordCard';
import { SessionsCard } from '../components/SessionsCard';
import { useAccountOverview } from '../hooks/useAccount';
import { isCustomer, useSiteSession } from '../hooks/useSiteSession';
import './account.css';

function AccountSecurity() {
  const { pathname } = useLocation();
  const account = useAccountOverview();

  if (account.isPending) return <PageSpinner />;
  // The session ended between the session check and this request: sign in again and come back.
  if (account.error instanceof ApiError && account.error.status === 401) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  if (account.isError) return <ErrorNotice variant="result" error={account.error} onRetry={() => void account.refetch()} />;

  return (
    <div className="account-cards">
      <AccountOverviewCard account={account.data} />
      <PasswordCard account={account.data} />
      <SessionsCard />
    </div>
  );
}

/** Account security of the signed-in customer; anyone else is sent to sign in first. */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useSiteSession();
  useDocumentTitle(t('account.title'));

  let body;
  if (session.isPending) body = <PageSpinner />;
  else if (session.isError) body = <ErrorNotice variant="result" error={session.error} onRetry={() => void session.refetch()} />;
  // Checked before asking for account data, so a signed-out visit makes no request that must fail.
  else if (!isCustomer(session.data)) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  else body = <AccountSecurity />;

  return (
    <>
      <PageHeading title={t('account.title')} intro={t('account.intro')} testId="account-title" narrow />
      <div className="site-container page-narrow page-body">{body}</div>
    </>
  );
}
