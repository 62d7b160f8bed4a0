import { apiRequest } from './client';
import type { AccessAlert } from './types';

/** Open alerts only, or (open = false) every alert, closed ones included. */
export function fetchAlerts(open: boolean, signal?: AbortSignal): Promise<AccessAlert[]> {
  return apiRequest<AccessAlert[]>(`/api/console/alerts?open=${String(open)}`, { signal });
}

export function acknowledgeAlert(alertId: string, note: string): Promise<void> {
  return apiRequest<void>(`/api/console/alerts/${encodeURIComponent(alertId)}/acknowledge`, { method: 'POST', body: { note } });
}
