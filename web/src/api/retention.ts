import { apiRequest } from './client';
import type { LegalHold, LegalHoldInput, RetentionScheduleLine, RetentionSweepProgress } from './types';

export function fetchRetentionSchedule(signal?: AbortSignal): Promise<RetentionScheduleLine[]> {
  return apiRequest<RetentionScheduleLine[]>('/api/console/retention/schedule', { signal });
}

/** Holds in force, or (includeReleased) every hold, newest first. */
export function fetchLegalHolds(includeReleased: boolean, signal?: AbortSignal): Promise<LegalHold[]> {
  return apiRequest<LegalHold[]>(`/api/console/retention/holds?includeReleased=${String(includeReleased)}`, { signal });
}

// The person's id travels in the body, never in the address.
export function placeLegalHold(input: LegalHoldInput): Promise<LegalHold> {
  return apiRequest<LegalHold>('/api/console/retention/holds', { method: 'POST', body: input });
}

export function releaseLegalHold(holdId: string, reason: string): Promise<LegalHold> {
  return apiRequest<LegalHold>(`/api/console/retention/holds/${encodeURIComponent(holdId)}/release`, { method: 'POST', body: { reason } });
}

export function startRetentionSweep(): Promise<{ taskId: string }> {
  return apiRequest<{ taskId: string }>('/api/console/retention/sweeps', { method: 'POST' });
}

export function fetchRetentionSweep(taskId: string, signal?: AbortSignal): Promise<RetentionSweepProgress> {
  return apiRequest<RetentionSweepProgress>(`/api/console/retention/sweeps/${encodeURIComponent(taskId)}`, { signal });
}
