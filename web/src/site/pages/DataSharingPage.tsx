import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/apiError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { PageSpinner } from '../../shared/PageSpinner';
import { signInPathFor } from '../../shared/safeNextPath';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { DisclosuresCard } from '../components/DisclosuresCard';
import { PageHeading } from '../components/PageHeading';
import { useMyDisclosures } from '../hooks/useAccount';
import { isCustomer, useSiteSession } from '../hooks/useSiteSession';
import './account.css';

function Disclosures() {
  const { pathname } = useLocation();
  const disclosures = useMyDisclosures();

  if (disclosures.isPending) return <PageSpinner />;
  // The session ended between the session check and this request: sign in again and come back.
  if (disclosures.error instanceof ApiError && disclosures.error.status === 401) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  if (disclosures.isError) return <ErrorNotice variant="result" error={disclosures.error} onRetry={() => void disclosures.refetch()} />;
  return <DisclosuresCard disclosures={disclosures.data} />;
}

/** Who received the signed-in customer's personal information (PIPL art. 23); anyone else signs in first. */
export function DataSharingPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useSiteSession();
  useDocumentTitle(t('dataSharing.title'));

  let body;
  if (session.isPending) body = <PageSpinner />;
  else if (session.isError) body = <ErrorNotice variant="result" error={session.error} onRetry={() => void session.refetch()} />;
  // Checked before asking for the list, so a signed-out visit makes no request that must fail.
  else if (!isCustomer(session.data)) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  else body = <Disclosures />;

  return (
    <>
      <PageHeading title={t('dataSharing.title')} intro={t('dataSharing.intro')} testId="data-sharing-title" narrow />
      <div className="site-container page-narrow page-body">{body}</div>
    </>
  );
}
