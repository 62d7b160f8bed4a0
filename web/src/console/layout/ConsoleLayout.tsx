import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FieldTimeOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  NotificationOutlined,
  SafetyCertificateFilled,
  SearchOutlined,
  ShareAltOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import type { StaffIdentity } from '../../api/types';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { PageSpinner } from '../../shared/PageSpinner';
import { signInPathFor } from '../../shared/safeNextPath';
import { useScrollToTopOnNavigate } from '../../shared/useScrollToTopOnNavigate';
import { useConsoleSession } from '../hooks/useConsoleSession';
import type { ConsoleOutletContext } from '../hooks/useCurrentStaff';
import { useStaffSignOut } from '../hooks/useStaffSignOut';
import { hasPermission, type ConsolePermission } from '../permissions';
import { selectedMenuKey } from './selectedMenuKey';
import './console-layout.css';

const SIDER_ID = 'console-sider';

interface MenuEntry {
  path: string;
  id: string;
  icon: ReactNode;
  labelKey: ParseKeys;
  /** Without it, every staff member sees the entry. */
  permission?: ConsolePermission;
}

// Only pages that exist get a menu entry, and only for those allowed to open them.
const MENU: readonly MenuEntry[] = [
  { path: '/console', id: 'status', icon: <DashboardOutlined />, labelKey: 'console.menu.status', permission: 'system.status.read' },
  { path: '/console/customers', id: 'customers', icon: <SearchOutlined />, labelKey: 'console.menu.customers', permission: 'customers.lookup' },
  { path: '/console/privacy/data-map', id: 'data-map', icon: <DatabaseOutlined />, labelKey: 'console.menu.dataMap', permission: 'privacy.data_map.read' },
  { path: '/console/audit', id: 'audit', icon: <AuditOutlined />, labelKey: 'console.menu.audit', permission: 'audit.read' },
  { path: '/console/recipients', id: 'recipients', icon: <ShareAltOutlined />, labelKey: 'console.menu.recipients', permission: 'recipients.read' },
  { path: '/console/alerts', id: 'alerts', icon: <AlertOutlined />, labelKey: 'console.menu.alerts', permission: 'alerts.read' },
  { path: '/console/campaigns', id: 'campaigns', icon: <NotificationOutlined />, labelKey: 'console.menu.campaigns', permission: 'marketing.campaigns.read' },
  { path: '/console/products', id: 'products', icon: <AppstoreOutlined />, labelKey: 'catalogue.console.menu', permission: 'catalogue.read' },
  { path: '/console/orders', id: 'orders', icon: <FileSearchOutlined />, labelKey: 'consoleOrders.menu', permission: 'orders.read' },
  { path: '/console/documents', id: 'documents', icon: <FileTextOutlined />, labelKey: 'policies.console.menu', permission: 'documents.read' },
  { path: '/console/retention', id: 'retention', icon: <FieldTimeOutlined />, labelKey: 'console.menu.retention', permission: 'retention.read' },
  { path: '/console/staff', id: 'staff', icon: <TeamOutlined />, labelKey: 'console.menu.staff', permission: 'staff.list' },
  { path: '/console/account', id: 'account', icon: <UserOutlined />, labelKey: 'console.menu.account' },
];

function useMenuItems(staff: StaffIdentity): NonNullable<MenuProps['items']> {
  const { t } = useTranslation();
  return MENU.filter((entry) => !entry.permission || hasPermission(staff, entry.permission)).map((entry) => ({
    key: entry.path,
    icon: entry.icon,
    label: (
      <Link to={entry.path} data-testid={`console-nav-${entry.id}`}>
        {t(entry.labelKey)}
      </Link>
    ),
  }));
}

function ConsoleShell({ context }: { context: ConsoleOutletContext }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // Below the lg breakpoint the sider folds away completely and opens over the content,
  // so a phone keeps its full width for the page.
  const [narrow, setNarrow] = useState(false);
  const items = useMenuItems(context.staff);
  useScrollToTopOnNavigate();

  const selectedKey = selectedMenuKey(pathname, items.map((item) => String(item?.key)));
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
            <Link to="/console/account" className="console-header__user" data-testid="console-user" title={context.staff.displayName}>
              <UserOutlined aria-hidden />
              <span className="console-header__user-name">{context.staff.displayName}</span>
            </Link>
            <Button
              className="console-header__sign-out"
              data-testid="console-sign-out"
              icon={<LogoutOutlined />}
              loading={context.isSigningOut}
              aria-label={t('console.signOut')}
              title={t('console.signOut')}
              onClick={context.signOut}
            >
              <span className="console-header__sign-out-text">{t('console.signOut')}</span>
            </Button>
          </div>
        </Layout.Header>
        <Layout.Content className="console-content">
          <Outlet context={context} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/**
 * The console for signed-in staff only: without a staff session every console page sends the browser
 * to the staff sign-in page (the server refuses the data anyway; this spares people a page of errors).
 */
export function ConsoleLayout() {
  const { pathname, search } = useLocation();
  const session = useConsoleSession();
  // Set when the person signs out, so the sign-in page is not asked to lead back to where they left.
  const [hasSignedOut, setHasSignedOut] = useState(false);
  const signOut = useStaffSignOut(() => setHasSignedOut(true));

  if (session.isPending) return <PageSpinner />;
  if (session.isError) {
    return (
      <div className="console-session-error">
        <ErrorNotice variant="result" error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (!session.data.staff) {
    const returnTo = `${pathname}${search}`;
    const target = hasSignedOut || pathname.replace(/\/+$/, '') === '/console' ? '/console/sign-in' : signInPathFor('/console/sign-in', returnTo);
    return <Navigate to={target} replace />;
  }

  return <ConsoleShell context={{ staff: session.data.staff, signOut: () => signOut.mutate(), isSigningOut: signOut.isPending }} />;
}
