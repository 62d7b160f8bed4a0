import type { RouteObject } from 'react-router';
import { PageSpinner } from '../shared/PageSpinner';
import { SiteLayout } from '../site/layout/SiteLayout';
import { AccountSecurityPage } from '../site/pages/AccountSecurityPage';
import { ConsentsPage } from '../site/pages/ConsentsPage';
import { ContactPage } from '../site/pages/ContactPage';
import { DataSharingPage } from '../site/pages/DataSharingPage';
import { HomePage } from '../site/pages/HomePage';
import { MessagesPage } from '../site/pages/MessagesPage';
import { NotFoundPage } from '../site/pages/NotFoundPage';
import { PolicyDiffPage } from '../site/pages/PolicyDiffPage';
import { PolicyDocumentPage } from '../site/pages/PolicyDocumentPage';
import { PrivacyPage } from '../site/pages/PrivacyPage';
import { ProfilePage } from '../site/pages/ProfilePage';
import { SignInPage } from '../site/pages/SignInPage';
import { UnsubscribePage } from '../site/pages/UnsubscribePage';
import { RouteErrorPage } from './RouteErrorPage';

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: SiteLayout,
    ErrorBoundary: RouteErrorPage,
    children: [
      { index: true, Component: HomePage },
      { path: 'privacy', Component: PrivacyPage },
      { path: 'policies/:slug', Component: PolicyDocumentPage },
      { path: 'policies/:slug/versions/:version', Component: PolicyDocumentPage },
      { path: 'policies/:slug/diff', Component: PolicyDiffPage },
      { path: 'contact', Component: ContactPage },
      { path: 'sign-in', Component: SignInPage },
      { path: 'account/profile', Component: ProfilePage },
      { path: 'account/security', Component: AccountSecurityPage },
      { path: 'account/data-sharing', Component: DataSharingPage },
      { path: 'account/consents', Component: ConsentsPage },
      { path: 'account/messages', Component: MessagesPage },
      { path: 'unsubscribe/:token', Component: UnsubscribePage },
      { path: 'verify/:token', lazy: async () => ({ Component: (await import('../site/pages/VerifyPolicyPage')).VerifyPolicyPage }), HydrateFallback: PageSpinner },
      { path: 'account/age', lazy: async () => ({ Component: (await import('../minors/AgePage')).AgePage }) },
      { path: 'account/guardian', lazy: async () => ({ Component: (await import('../minors/GuardianPage')).GuardianPage }) },
      { path: 'products', lazy: async () => ({ Component: (await import('../catalogue/ProductsPage')).ProductsPage }), HydrateFallback: PageSpinner },
      { path: 'products/:code', lazy: async () => ({ Component: (await import('../catalogue/ProductPage')).ProductPage }), HydrateFallback: PageSpinner },
      { path: 'compare', lazy: async () => ({ Component: (await import('../catalogue/ComparePage')).ComparePage }), HydrateFallback: PageSpinner },
      { path: 'buy/:productCode', lazy: async () => ({ Component: (await import('../purchase/PurchasePage')).PurchasePage }), HydrateFallback: PageSpinner },
      { path: 'orders/:orderId', lazy: async () => ({ Component: (await import('../purchase/OrderPage')).OrderPage }), HydrateFallback: PageSpinner },
      { path: 'orders/:orderId/paid', lazy: async () => ({ Component: (await import('../purchase/OrderPaidPage')).OrderPaidPage }), HydrateFallback: PageSpinner },
      { path: 'account/insurance', lazy: async () => ({ Component: (await import('../purchase/MyInsurancePage')).MyInsurancePage }), HydrateFallback: PageSpinner },
      { path: 'account/insurance/date-changes/:dateChangeId', lazy: async () => ({ Component: (await import('../purchase/DateChangePage')).DateChangePage }), HydrateFallback: PageSpinner },
      { path: '*', Component: NotFoundPage },
    ],
  },
  {
    // Staff sign in outside the console layout, which is only for signed-in staff.
    path: '/console/sign-in',
    lazy: async () => ({ Component: (await import('../console/pages/ConsoleSignInPage')).ConsoleSignInPage }),
    HydrateFallback: PageSpinner,
    ErrorBoundary: RouteErrorPage,
  },
  {
    // The console is split into its own chunk: customers never download it.
    path: '/console',
    lazy: async () => ({ Component: (await import('../console/layout/ConsoleLayout')).ConsoleLayout }),
    HydrateFallback: PageSpinner,
    ErrorBoundary: RouteErrorPage,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../console/pages/StatusPage')).StatusPage }) },
      { path: 'customers', lazy: async () => ({ Component: (await import('../console/pages/CustomersPage')).CustomersPage }) },
      { path: 'privacy/data-map', lazy: async () => ({ Component: (await import('../console/pages/DataMapPage')).DataMapPage }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('../console/pages/AuditPage')).AuditPage }) },
      { path: 'recipients', lazy: async () => ({ Component: (await import('../console/pages/RecipientsPage')).RecipientsPage }) },
      { path: 'alerts', lazy: async () => ({ Component: (await import('../console/pages/AlertsPage')).AlertsPage }) },
      { path: 'campaigns', lazy: async () => ({ Component: (await import('../console/pages/CampaignsPage')).CampaignsPage }) },
      { path: 'documents', lazy: async () => ({ Component: (await import('../console/pages/DocumentsPage')).DocumentsPage }) },
      { path: 'documents/:document/:version', lazy: async () => ({ Component: (await import('../console/pages/DocumentVersionPage')).DocumentVersionPage }) },
      { path: 'retention', lazy: async () => ({ Component: (await import('../console/pages/RetentionPage')).RetentionPage }) },
      { path: 'products', lazy: async () => ({ Component: (await import('../catalogue/ConsoleProductsPage')).ConsoleProductsPage }) },
      { path: 'products/:code', lazy: async () => ({ Component: (await import('../catalogue/ConsoleProductPage')).ConsoleProductPage }) },
      { path: 'orders', lazy: async () => ({ Component: (await import('../console/orders/OrdersPage')).OrdersPage }) },
      { path: 'staff', lazy: async () => ({ Component: (await import('../console/pages/StaffPage')).StaffPage }) },
      { path: 'account', lazy: async () => ({ Component: (await import('../console/pages/MyAccountPage')).MyAccountPage }) },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('../console/pages/ConsoleNotFoundPage')).ConsoleNotFoundPage }),
      },
    ],
  },
];
