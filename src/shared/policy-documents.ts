// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.

/** The documents a person is asked to read and accept or acknowledge, in the order they are listed. */
export const documentKinds = ['privacy_policy', 'user_agreement', 'cookie_policy'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** Page addresses of the documents (`/policies/privacy-policy`), also the names of their shipped texts. */
export const documentSlugs: Record<DocumentKind, string> = {
  privacy_policy: 'privacy-policy',
  user_agreement: 'user-agreement',
  cookie_policy: 'cookie-policy',
};
