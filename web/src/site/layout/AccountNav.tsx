import { CheckSquareOutlined, DownOutlined, IdcardOutlined, LogoutOutlined, MailOutlined, SafetyOutlined, ShareAltOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ButtonLink } from '../../shared/ButtonLink';
import { isCustomer, useSiteSession } from '../hooks/useSiteSession';
import { useSiteSignOut } from '../hooks/useSiteSignOut';
import { signInLinkFor } from './signInLink';

/** The header's account corner on wide screens: a sign-in link, or the signed-in person's menu. */
export function AccountNav() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const session = useSiteSession();
  const signOut = useSiteSignOut();

  // Until the session is known nothing is shown, rather than a sign-in link that may turn into a menu.
  if (session.isPending) return <span className="account-nav account-nav--pending" aria-hidden />;

  if (!isCustomer(session.data)) {
    return (
      <ButtonLink className="account-nav" to={signInLinkFor(pathname, search)} type="primary" data-testid="nav-sign-in">
        {t('nav.signIn')}
      </ButtonLink>
    );
  }

  const items: MenuProps['items'] = [
    {
      key: 'profile',
      icon: <IdcardOutlined />,
      label: (
        <Link to="/account/profile" data-testid="nav-profile">
          {t('nav.profile')}
        </Link>
      ),
    },
    {
      key: 'security',
      icon: <SafetyOutlined />,
      label: (
        <Link to="/account/security" data-testid="nav-account-security">
          {t('nav.accountSecurity')}
        </Link>
      ),
    },
    {
      key: 'data-sharing',
      icon: <ShareAltOutlined />,
      label: (
        <Link to="/account/data-sharing" data-testid="nav-data-sharing">
          {t('nav.dataSharing')}
        </Link>
      ),
    },
    {
      key: 'consents',
      icon: <CheckSquareOutlined />,
      label: (
        <Link to="/account/consents" data-testid="nav-consents">
          {t('nav.consents')}
        </Link>
      ),
    },
    {
      key: 'messages',
      icon: <MailOutlined />,
      label: (
        <Link to="/account/messages" data-testid="nav-messages">
          {t('nav.messages')}
        </Link>
      ),
    },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, danger: true, label: <span data-testid="sign-out">{t('nav.signOut')}</span> },
  ];

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'sign-out') signOut.mutate();
        },
      }}
    >
      <Button className="account-nav" data-testid="account-menu" icon={<UserOutlined />} loading={signOut.isPending}>
        {t('nav.account')}
        <DownOutlined className="account-nav__caret" aria-hidden />
      </Button>
    </Dropdown>
  );
}
