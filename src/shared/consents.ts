// Shared by the server and the web app (bundled by Vite): no Node or DOM imports here.
import type { DocumentKind } from './policy-documents.ts';

/**
 * The vocabulary of consent records and the 授权管理 page (R-RGT-4, R-USE-2): the server records and
 * lists consents in these terms, and the web app shows them.
 */

/** What a record says the person did; `shown` only proves a text was put in front of them. */
export const consentActions = ['shown', 'accepted', 'declined', 'withdrawn', 'acknowledged'] as const;
export type ConsentAction = (typeof consentActions)[number];
/** Where the decision was made. */
export const consentChannels = ['web', 'console', 'sms_link', 'email_link', 'api'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

/**
 * How the 授权管理 page groups the purposes it manages, in display order. Cookies are chosen in the
 * cookie settings instead, and a guardian's consent in the guardian flow.
 */
export const purposeGroups = {
  service: ['sensitive_pi', 'share_with_insurer', 'cross_border'],
  marketing: ['marketing_sms', 'marketing_email', 'marketing_in_app'],
  personalisation: ['personalised_recommendations'],
} as const;

export type PurposeGroup = keyof typeof purposeGroups;
export type ManagedPurpose = (typeof purposeGroups)[PurposeGroup][number];
export const purposeGroupNames = Object.keys(purposeGroups) as PurposeGroup[];
export const managedPurposes: readonly ManagedPurpose[] = Object.values(purposeGroups).flat();

export function isManagedPurpose(key: string): key is ManagedPurpose {
  return (managedPurposes as readonly string[]).includes(key);
}

export function groupOf(key: ManagedPurpose): PurposeGroup {
  return purposeGroupNames.find((group) => (purposeGroups[group] as readonly string[]).includes(key)) ?? 'service';
}

// What the 授权管理 page shows. `Time` is a Date on the server and an ISO 8601 string in the JSON.

export interface PurposeConsentView<Time = string> {
  purpose: ManagedPurpose;
  group: PurposeGroup;
  essential: boolean;
  /** The wording shown now, in the language asked for, its version and hash: what a decision made now would record. */
  text: string;
  version: number;
  textHash: string;
  withdrawalEffect: string | null;
  /** The current answer; null when the person was never asked (which counts as no). */
  granted: boolean | null;
  decidedAt: Time | null;
  decidedVersion: number | null;
  decidedTextHash: string | null;
  decidedChannel: ConsentChannel | null;
}

export interface DocumentConsentView<Time = string> {
  document: DocumentKind;
  title: string;
  action: ConsentAction;
  version: number | null;
  /** The hash of the published version the person answered to. */
  textHash: string | null;
  at: Time;
  channel: ConsentChannel;
}

export interface ConsentHistoryEntry<Time = string> {
  id: string;
  matter: string;
  label: string;
  action: ConsentAction;
  channel: ConsentChannel;
  version: number | null;
  textHash: string;
  actedBy: string | null;
  at: Time;
}

export interface MyConsents<Time = string> {
  purposes: PurposeConsentView<Time>[];
  documents: DocumentConsentView<Time>[];
  history: ConsentHistoryEntry<Time>[];
}
