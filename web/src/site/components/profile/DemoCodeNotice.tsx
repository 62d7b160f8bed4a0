import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** In demo mode no text message goes out: the code is shown on the page, labelled as such. */
export function DemoCodeNotice({ codes }: { codes: Array<{ label?: string; code: string; testId: string }> }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="profile-notice"
      type="warning"
      showIcon
      title={t('profile.demoTitle')}
      description={codes.map(({ label, code, testId }) => (
        <div key={testId}>
          {label ?? t('profile.demoBody')} <strong data-testid={testId}>{code}</strong>
        </div>
      ))}
    />
  );
}
