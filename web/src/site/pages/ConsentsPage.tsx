import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/apiError';
import { purposeGroupNames } from '../../../../src/shared/consents.ts';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { PageSpinner } from '../../shared/PageSpinner';
import { signInPathFor } from '../../shared/safeNextPath';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { ConsentHistoryCard, DocumentConsentsCard } from '../components/ConsentRecordsCards';
import { PageHeading } from '../components/PageHeading';
import { PurposeConsentsCard } from '../components/PurposeConsentsCard';
import { useMyConsents } from '../hooks/useConsents';
import { isCustomer, useSiteSession } from '../hooks/useSiteSession';
import './account.css';
import './consents.css';

function Consents() {
  const { pathname } = useLocation();
  const consents = useMyConsents();

  if (consents.isPending) return <PageSpinner />;
  // The session ended between the session check and this request: sign in again and come back.
  if (consents.error instanceof ApiError && consents.error.status === 401) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  if (consents.isError) return <ErrorNotice variant="result" error={consents.error} onRetry={() => void consents.refetch()} />;

  return (
    <div className="account-cards">
      {purposeGroupNames.map((group) => (
        <PurposeConsentsCard key={group} group={group} consents={consents.data.purposes.filter((purpose) => purpose.group === group)} />
      ))}
      <DocumentConsentsCard documents={consents.data.documents} />
      <ConsentHistoryCard history={consents.data.history} />
    </div>
  );
}

/** 授权管理 (PIPL art. 15, R-RGT-4, R-USE-2): every consent of the signed-in customer; anyone else signs in first. */
export function ConsentsPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useSiteSession();
  useDocumentTitle(t('consents.title'));

  let body;
  if (session.isPending) body = <PageSpinner />;
  else if (session.isError) body = <ErrorNotice variant="result" error={session.error} onRetry={() => void session.refetch()} />;
  else if (!isCustomer(session.data)) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  else body = <Consents />;

  return (
    <>
      <PageHeading title={t('consents.title')} intro={t('consents.intro')} testId="consents-title" narrow />
      <div className="site-container page-narrow page-body">{body}</div>
    </>
  );
}
