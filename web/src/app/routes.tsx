import type { RouteObject } from 'react-router';
import { PageSpinner } from '../shared/PageSpinner';
import { SiteLayout } from '../site/layout/SiteLayout';
import { ContactPage } from '../site/pages/ContactPage';
import { HomePage } from '../site/pages/HomePage';
import { NotFoundPage } from '../site/pages/NotFoundPage';
import { PrivacyPage } from '../site/pages/PrivacyPage';
import { RouteErrorPage } from './RouteErrorPage';

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: SiteLayout,
    ErrorBoundary: RouteErrorPage,
    children: [
      { index: true, Component: HomePage },
      { path: 'privacy', Component: PrivacyPage },
      { path: 'contact', Component: ContactPage },
      { path: '*', Component: NotFoundPage },
    ],
  },
  {
    // The console is split into its own chunk: customers never download it.
    path: '/console',
    lazy: async () => ({ Component: (await import('../console/layout/ConsoleLayout')).ConsoleLayout }),
    HydrateFallback: PageSpinner,
    ErrorBoundary: RouteErrorPage,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../console/pages/StatusPage')).StatusPage }) },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('../console/pages/ConsoleNotFoundPage')).ConsoleNotFoundPage }),
      },
    ],
  },
];
