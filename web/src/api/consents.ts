import { apiRequest } from './client';

export type ConsentAction = 'shown' | 'accepted' | 'declined' | 'withdrawn' | 'acknowledged';
export type ConsentChannel = 'web' | 'console' | 'sms_link' | 'email_link' | 'api';
export type PurposeGroup = 'service' | 'marketing' | 'personalisation';
export type MarketingPurpose = 'marketing_sms' | 'marketing_email' | 'marketing_in_app';

export interface PurposeConsent {
  purpose: string;
  group: PurposeGroup;
  essential: boolean;
  /** The wording shown now, in the language asked for; its version and SHA-256 are what a decision records. */
  text: string;
  version: number;
  textHash: string;
  withdrawalEffect: string | null;
  /** null: never asked, which counts as no. */
  granted: boolean | null;
  decidedAt: string | null;
  decidedVersion: number | null;
  decidedTextHash: string | null;
  decidedChannel: ConsentChannel | null;
}

export interface DocumentConsent {
  document: string;
  title: string;
  action: ConsentAction;
  version: number | null;
  textHash: string | null;
  at: string;
  channel: ConsentChannel;
}

export interface ConsentHistoryEntry {
  id: string;
  matter: string;
  label: string;
  action: ConsentAction;
  channel: ConsentChannel;
  version: number | null;
  textHash: string;
  actedBy: string | null;
  at: string;
}

export interface MyConsents {
  purposes: PurposeConsent[];
  documents: DocumentConsent[];
  history: ConsentHistoryEntry[];
}

export interface ConsentDecision {
  purpose: string;
  decision: 'grant' | 'withdraw';
  version: number;
}

export interface MyMessage {
  id: string;
  title: string;
  text: string;
  at: string;
  isRead: boolean;
}

export function fetchMyConsents(signal?: AbortSignal): Promise<MyConsents> {
  return apiRequest<MyConsents>('/api/site/consents', { signal });
}

export function decideConsent({ purpose, decision, version }: ConsentDecision): Promise<{ purpose: string; granted: boolean; changed: boolean }> {
  return apiRequest(`/api/site/consents/${encodeURIComponent(purpose)}`, { method: 'POST', body: { decision, version } });
}

/** The token travels in the body: an API address is logged, a body is not. */
export function unsubscribe(token: string): Promise<{ purpose: MarketingPurpose; outcome: 'withdrawn' | 'already_withdrawn' }> {
  return apiRequest('/api/site/unsubscribe', { method: 'POST', body: { token } });
}

export function fetchMyMessages(signal?: AbortSignal): Promise<MyMessage[]> {
  return apiRequest<MyMessage[]>('/api/site/messages', { signal });
}

export function markMyMessagesRead(): Promise<{ marked: number }> {
  return apiRequest('/api/site/messages/read', { method: 'POST' });
}
