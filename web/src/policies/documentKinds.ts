import type { DocumentKind } from '../api/documents';

/** The documents the site publishes, in the order they are listed. */
export const documentKindsOnSite: readonly DocumentKind[] = ['privacy_policy', 'user_agreement', 'cookie_policy'];
