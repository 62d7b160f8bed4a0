import { apiRequest } from './client';
import type { StaffCreated, StaffMember } from './types';

export function fetchStaff(signal?: AbortSignal): Promise<StaffMember[]> {
  return apiRequest<StaffMember[]>('/api/console/staff', { signal });
}

export function createStaff(input: { username: string; displayName: string; roles: string[] }): Promise<StaffCreated> {
  return apiRequest<StaffCreated>('/api/console/staff', { method: 'POST', body: input });
}

export function setStaffRoles(staffId: string, roles: string[]): Promise<void> {
  return apiRequest<void>(`/api/console/staff/${encodeURIComponent(staffId)}/roles`, { method: 'PUT', body: { roles } });
}

export function disableStaff(staffId: string): Promise<void> {
  return apiRequest<void>(`/api/console/staff/${encodeURIComponent(staffId)}/disable`, { method: 'POST' });
}
