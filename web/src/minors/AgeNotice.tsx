import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ButtonLink } from '../shared/ButtonLink';
import { useSiteSession } from '../site/hooks/useSiteSession';

/**
 * A banner on every page of the site until the account holder has said whether they are 14 or
 * older, and — for a child — until a guardian has consented (R-MIN-1). The server refuses a child's
 * changes meanwhile; the banner says why and where to go.
 */
export function AgeNotice() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // From the session answer every page already has: no request of its own that could fail.
  const standing = useSiteSession().data?.ageStanding;
  if (!standing || pathname === '/account/age' || pathname === '/account/guardian') return null;
  if (standing === 'unknown') {
    return (
      <Alert
        className="age-notice"
        type="info"
        showIcon
        data-testid="age-notice"
        title={t('minors.notice.askTitle')}
        description={t('minors.notice.askBody')}
        action={<ButtonLink to="/account/age" type="primary" data-testid="age-notice-answer">{t('minors.notice.answer')}</ButtonLink>}
      />
    );
  }
  if (standing !== 'child_awaiting_guardian') return null;
  return (
    <Alert
      className="age-notice"
      type="warning"
      showIcon
      data-testid="guardian-notice"
      title={t('minors.notice.guardianTitle')}
      description={t('minors.notice.guardianBody')}
      action={<ButtonLink to="/account/guardian" type="primary" data-testid="guardian-notice-start">{t('minors.notice.guardianStart')}</ButtonLink>}
    />
  );
}
