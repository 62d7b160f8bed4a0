import type { ManagedPurpose, MyConsents } from '../../../src/shared/consents.ts';
import type { MyMessage, UnsubscribeResult } from '../../../src/shared/marketing.ts';
import { apiRequest } from './client';

export interface ConsentDecision {
  purpose: ManagedPurpose;
  decision: 'grant' | 'withdraw';
  version: number;
}

export function fetchMyConsents(signal?: AbortSignal): Promise<MyConsents> {
  return apiRequest<MyConsents>('/api/site/consents', { signal });
}

export function decideConsent({ purpose, decision, version }: ConsentDecision): Promise<{ purpose: string; granted: boolean; changed: boolean }> {
  return apiRequest(`/api/site/consents/${encodeURIComponent(purpose)}`, { method: 'POST', body: { decision, version } });
}

/** The token travels in the body: an API address is logged, a body is not. */
export function unsubscribe(token: string): Promise<UnsubscribeResult> {
  return apiRequest('/api/site/unsubscribe', { method: 'POST', body: { token } });
}

export function fetchMyMessages(signal?: AbortSignal): Promise<MyMessage[]> {
  return apiRequest<MyMessage[]>('/api/site/messages', { signal });
}

export function markMyMessagesRead(): Promise<{ marked: number }> {
  return apiRequest('/api/site/messages/read', { method: 'POST' });
}
