import { apiRequest } from './client';
import type { ConsoleSession, StaffPasswordStep, StaffSignedIn } from './types';

export function fetchConsoleSession(signal?: AbortSignal): Promise<ConsoleSession> {
  return apiRequest<ConsoleSession>('/api/console/session', { signal });
}

export function submitStaffPassword(username: string, password: string): Promise<StaffPasswordStep> {
  return apiRequest<StaffPasswordStep>('/api/console/auth/password', { method: 'POST', body: { username, password } });
}

export function submitStaffTotp(stepToken: string, code: string): Promise<StaffSignedIn> {
  return apiRequest<StaffSignedIn>('/api/console/auth/totp', { method: 'POST', body: { stepToken, code } });
}

export function staffSignOut(): Promise<{ csrfToken: string }> {
  return apiRequest<{ csrfToken: string }>('/api/console/auth/sign-out', { method: 'POST' });
}
