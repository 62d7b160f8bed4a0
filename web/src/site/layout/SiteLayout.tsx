import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { AgeNotice } from '../../minors/AgeNotice';
import { CookieConsent } from '../../privacy/cookies/CookieConsent';
import { useScrollToTopOnNavigate } from '../../shared/useScrollToTopOnNavigate';
import { PolicyUpdateNotice } from '../components/PolicyNotice';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import './site-layout.css';

export function SiteLayout() {
  useScrollToTopOnNavigate();
  return (
    <Layout className="site-layout">
      <CookieConsent />
      <SiteHeader />
      <PolicyUpdateNotice />
      <AgeNotice />
      <Layout.Content className="site-main" id="main">
        <Outlet />
      </Layout.Content>
      <SiteFooter />
    </Layout>
  );
}
