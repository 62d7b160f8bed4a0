import type { ParseKeys } from 'i18next';

export interface NavItem {
  to: string;
  labelKey: ParseKeys;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home' },
  { to: '/products', labelKey: 'catalogue.nav' },
  { to: '/account/insurance', labelKey: 'myInsurance.nav' },
  { to: '/contact', labelKey: 'nav.contact' },
  { to: '/privacy', labelKey: 'nav.privacy' },
];
