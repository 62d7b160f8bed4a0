import { apiRequest } from './client';
import type { AuditEntry, AuditSearch, AuditVerification } from './types';

/** Newest first. A POST because the criteria name people, and because the search is itself audited. */
export function searchAudit(search: AuditSearch): Promise<AuditEntry[]> {
  return apiRequest<AuditEntry[]>('/api/console/audit/search', { method: 'POST', body: search });
}

export function verifyAudit(): Promise<AuditVerification> {
  return apiRequest<AuditVerification>('/api/console/audit/verify', { method: 'POST' });
}
