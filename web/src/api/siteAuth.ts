import { apiRequest } from './client';
import type { CodeRequested, SignedIn, SiteSession } from './types';

export function fetchSiteSession(signal?: AbortSignal): Promise<SiteSession> {
  return apiRequest<SiteSession>('/api/site/session', { signal });
}

export function requestSignInCode(phone: string): Promise<CodeRequested> {
  return apiRequest<CodeRequested>('/api/site/auth/code', { method: 'POST', body: { phone } });
}

export function signInWithCode(phone: string, code: string): Promise<SignedIn> {
  return apiRequest<SignedIn>('/api/site/auth/sign-in', { method: 'POST', body: { phone, code } });
}

export function signInWithPassword(phone: string, password: string): Promise<SignedIn> {
  return apiRequest<SignedIn>('/api/site/auth/password-sign-in', { method: 'POST', body: { phone, password } });
}

export function signOut(): Promise<{ csrfToken: string }> {
  return apiRequest<{ csrfToken: string }>('/api/site/auth/sign-out', { method: 'POST' });
}
