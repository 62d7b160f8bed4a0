import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { isCustomer, useSiteSession } from '../hooks/useSiteSession';
import { useSiteSignOut } from '../hooks/useSiteSignOut';
import { AccountNav } from './AccountNav';
import { BrandLogo } from './BrandLogo';
import { NAV_ITEMS } from './navItems';
import { signInLinkFor } from './signInLink';

const SIGN_OUT_KEY = 'sign-out';

/** The drawer's account entries, which stand in for the header's account corner on narrow screens. */
function useDrawerAccountItems(): NonNullable<MenuProps['items']> {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const session = useSiteSession();
  if (session.isPending) return [];
  if (!isCustomer(session.data)) {
    return [
      { type: 'divider' },
      {
        key: '/sign-in',
        label: (
          <Link to={signInLinkFor(pathname, search)} data-testid="drawer-sign-in">
            {t('nav.signInOrRegister')}
          </Link>
        ),
      },
    ];
  }
  return [
    { type: 'divider' },
    {
      key: '/account/profile',
      label: (
        <Link to="/account/profile" data-testid="drawer-profile">
          {t('nav.profile')}
        </Link>
      ),
    },
    {
      key: '/account/security',
      label: (
        <Link to="/account/security" data-testid="drawer-account-security">
          {t('nav.accountSecurity')}
        </Link>
      ),
    },
    {
      key: '/account/data-sharing',
      label: (
        <Link to="/account/data-sharing" data-testid="drawer-data-sharing">
          {t('nav.dataSharing')}
        </Link>
      ),
    },
    {
      key: '/account/consents',
      label: (
        <Link to="/account/consents" data-testid="drawer-consents">
          {t('nav.consents')}
        </Link>
      ),
    },
    {
      key: '/account/messages',
      label: (
        <Link to="/account/messages" data-testid="drawer-messages">
          {t('nav.messages')}
        </Link>
      ),
    },
    { key: SIGN_OUT_KEY, danger: true, label: <span data-testid="drawer-sign-out">{t('nav.signOut')}</span> },
  ];
}

export function SiteHeader() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // The drawer remembers the page it was opened on, so following any link (or going back)
  // closes it without an effect.
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const menuOpen = openedOn === pathname;
  const accountItems = useDrawerAccountItems();
  const signOut = useSiteSignOut();

  return (
    <Layout.Header className="site-header" data-testid="site-header">
      <div className="site-container site-header__inner">
        <BrandLogo />

        {/* Wide screens: inline links. Narrow screens hide these via CSS and use the drawer below. */}
        <nav className="site-nav" aria-label={t('nav.mainLabel')} data-testid="site-nav">
          {NAV_ITEMS.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end
              className={({ isActive }) => (isActive ? 'site-nav__link site-nav__link--active' : 'site-nav__link')}
            >
              {t(item.labelKey)}
            </NavLink>
          ))}
        </nav>

        <div className="site-header__actions">
          <LanguageSwitch />
          <div className="site-header__account">
            <AccountNav />
          </div>
          <Button
            className="site-header__menu-button"
            data-testid="nav-menu-button"
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            aria-expanded={menuOpen}
            aria-controls="site-nav-drawer"
            onClick={() => setOpenedOn(pathname)}
          />
        </div>
      </div>

      <Drawer
        id="site-nav-drawer"
        title={t('nav.menuTitle')}
        placement="right"
        size={280}
        open={menuOpen}
        onClose={() => setOpenedOn(null)}
        styles={{ body: { padding: 0 } }}
      >
        <nav aria-label={t('nav.mainLabel')} data-testid="nav-drawer">
          <Menu
            mode="inline"
            selectedKeys={[pathname]}
            className="site-drawer-menu"
            onClick={({ key }) => {
              setOpenedOn(null);
              if (key === SIGN_OUT_KEY) signOut.mutate();
            }}
            items={[
              ...NAV_ITEMS.map((item) => ({
                key: item.to,
                label: <Link to={item.to}>{t(item.labelKey)}</Link>,
              })),
              ...accountItems,
            ]}
          />
        </nav>
      </Drawer>
    </Layout.Header>
  );
}
