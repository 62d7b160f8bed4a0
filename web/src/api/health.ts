import { apiRequest } from './client';
import type { Health, Readiness } from './types';

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return apiRequest<Health>('/healthz', { signal });
}

// 503 is how /readyz says "not ready"; its body still carries the per-check results we want to show.
export function fetchReadiness(signal?: AbortSignal): Promise<Readiness> {
  return apiRequest<Readiness>('/readyz', { acceptStatuses: [503], signal });
}
