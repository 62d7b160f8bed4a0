import { DashboardOutlined, HomeOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { Button, Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { useScrollToTopOnNavigate } from '../../shared/useScrollToTopOnNavigate';
import './console-layout.css';

const SIDER_ID = 'console-sider';

// Only pages that exist get a menu entry; add new ones here as they land.
function useMenuItems(): NonNullable<MenuProps['items']> {
  const { t } = useTranslation();
  return [{ key: '/console', icon: <DashboardOutlined />, label: <Link to="/console">{t('console.menu.status')}</Link> }];
}

export function ConsoleLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // Below the lg breakpoint the sider folds away completely and opens over the content,
  // so a phone keeps its full width for the page.
  const [narrow, setNarrow] = useState(false);
  const items = useMenuItems();
  useScrollToTopOnNavigate();

  const selectedKey = pathname.replace(/\/+$/, '') || '/console';
  const overlayOpen = narrow && !collapsed;

  return (
    <Layout className="console-layout">
      {/* antd's built-in triggers are not keyboard-operable, so the toggle is our own header button. */}
      <Layout.Sider
        id={SIDER_ID}
        data-testid="console-sider"
        className={narrow ? 'console-sider console-sider--overlay' : 'console-sider'}
        collapsible
        trigger={null}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        onBreakpoint={setNarrow}
        breakpoint="lg"
        width={224}
        collapsedWidth={narrow ? 0 : 64}
      >
        <Link to="/console" className="console-sider__brand" aria-label={t('console.title')}>
          <SafetyCertificateFilled className="console-sider__mark" aria-hidden />
          {collapsed ? null : <span className="console-sider__name">Besttrav</span>}
        </Link>
        <nav aria-label={t('console.menuLabel')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedKey]}
            items={items}
            onClick={() => {
              if (narrow) setCollapsed(true);
            }}
          />
        </nav>
      </Layout.Sider>
      {overlayOpen ? <div className="console-sider-mask" aria-hidden onClick={() => setCollapsed(true)} /> : null}

      <Layout className="console-main">
        <Layout.Header className="console-header">
          <div className="console-header__start">
            <Button
              type="text"
              className="console-header__toggle"
              data-testid="console-sider-toggle"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('console.expandMenu') : t('console.collapseMenu')}
              aria-expanded={!collapsed}
              aria-controls={SIDER_ID}
              onClick={() => setCollapsed(!collapsed)}
            />
            <span className="console-header__title" data-testid="console-title">
              {t('console.title')}
            </span>
          </div>
          <div className="console-header__actions">
            <Link to="/" className="console-header__back" aria-label={t('console.backToSite')} title={t('console.backToSite')}>
              <HomeOutlined aria-hidden />
              <span className="console-header__back-text">{t('console.backToSite')}</span>
            </Link>
            <LanguageSwitch />
          </div>
        </Layout.Header>
        <Layout.Content className="console-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
