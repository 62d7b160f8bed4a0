import { LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { ConsolePageHeader } from '../components/ConsolePageHeader';
import { RoleTags } from '../components/RoleTags';
import { useConsoleSignOut, useCurrentStaff } from '../hooks/useCurrentStaff';

/** The signed-in staff member's own account, open to every role. */
export function MyAccountPage() {
  const { t } = useTranslation();
  const staff = useCurrentStaff();
  const { signOut, isSigningOut } = useConsoleSignOut();
  useDocumentTitle(t('console.account.title'));

  return (
    <div className="console-page">
      <ConsolePageHeader
        title={t('console.account.title')}
        subtitle={t('console.account.subtitle')}
        testId="console-account-title"
        actions={
          <Button icon={<LogoutOutlined />} onClick={signOut} loading={isSigningOut} data-testid="account-sign-out">
            {t('console.signOut')}
          </Button>
        }
      />
      <Card>
        <Descriptions
          column={1}
          data-testid="console-account"
          items={[
            { key: 'username', label: t('console.account.username'), children: <span data-testid="console-account-username">{staff.username}</span> },
            { key: 'displayName', label: t('console.account.displayName'), children: staff.displayName },
            { key: 'roles', label: t('console.account.roles'), children: <RoleTags roles={staff.roles} /> },
            {
              key: 'twoFactor',
              label: t('console.account.twoFactor'),
              // Every console sign-in passes the authenticator step, so a signed-in person has it set up.
              children: <Tag color="success">{t('console.account.twoFactorOn')}</Tag>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
