import { apiRequest } from './client';
import type { AccountOverview, CustomerSession, MyDisclosure } from './types';

export function fetchAccount(signal?: AbortSignal): Promise<AccountOverview> {
  return apiRequest<AccountOverview>('/api/site/account', { signal });
}

export function setPassword(password: string): Promise<void> {
  return apiRequest<void>('/api/site/account/password', { method: 'PUT', body: { password } });
}

export function fetchCustomerSessions(signal?: AbortSignal): Promise<CustomerSession[]> {
  return apiRequest<CustomerSession[]>('/api/site/account/sessions', { signal });
}

export function revokeCustomerSession(sessionId: string): Promise<void> {
  return apiRequest<void>(`/api/site/account/sessions/${encodeURIComponent(sessionId)}/revoke`, { method: 'POST' });
}

export function signOutEverywhere(): Promise<{ revoked: number; csrfToken: string }> {
  return apiRequest<{ revoked: number; csrfToken: string }>('/api/site/account/sign-out-everywhere', { method: 'POST' });
}

/** Every time the customer's data went to a third party, newest first. */
export function fetchMyDisclosures(signal?: AbortSignal): Promise<MyDisclosure[]> {
  return apiRequest<MyDisclosure[]>('/api/site/account/disclosures', { signal });
}
