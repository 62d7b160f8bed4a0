import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/apiError';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { PageSpinner } from '../../shared/PageSpinner';
import { signInPathFor } from '../../shared/safeNextPath';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeading } from '../components/PageHeading';
import { PhoneChangeCard } from '../components/profile/PhoneChangeCard';
import { ProfileForm } from '../components/profile/ProfileForm';
import { ProfileHistoryCard } from '../components/profile/ProfileHistoryCard';
import { useProfile } from '../hooks/useProfile';
import { isCustomer, useSiteSession } from '../hooks/useSiteSession';
import './account.css';
import './profile.css';

function ProfileCards() {
  const { pathname } = useLocation();
  const profile = useProfile();

  if (profile.isPending) return <PageSpinner />;
  // The session ended between the session check and this request: sign in again and come back.
  if (profile.error instanceof ApiError && profile.error.status === 401) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  if (profile.isError) return <ErrorNotice variant="result" error={profile.error} onRetry={() => void profile.refetch()} />;
  return (
    <div className="account-cards">
      <ProfileForm profile={profile.data} />
      <PhoneChangeCard phoneMasked={profile.data.phoneMasked} />
      <ProfileHistoryCard changes={profile.data.changes} />
    </div>
  );
}

/** 个人信息 of the signed-in customer (R-ACC-4); anyone else is sent to sign in first. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const session = useSiteSession();
  useDocumentTitle(t('profile.title'));

  let body;
  if (session.isPending) body = <PageSpinner />;
  else if (session.isError) body = <ErrorNotice variant="result" error={session.error} onRetry={() => void session.refetch()} />;
  // Checked before asking for the profile, so a signed-out visit makes no request that must fail.
  else if (!isCustomer(session.data)) return <Navigate to={signInPathFor('/sign-in', pathname)} replace />;
  else body = <ProfileCards />;

  return (
    <>
      <PageHeading title={t('profile.title')} intro={t('profile.intro')} testId="profile-title" narrow />
      <div className="site-container page-narrow page-body">{body}</div>
    </>
  );
}
