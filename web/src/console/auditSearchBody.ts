import type { AuditSearch } from '../api/types';
import { beijingInputToIso } from '../shared/beijingTime';

/** The audit filters as the form holds them: free text, and date-and-time inputs in Beijing time. */
export interface AuditFilters {
  subjectId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
}

/**
 * The search body for the API: identifiers trimmed (they are pasted from elsewhere, often with a
 * space), empty filters left out rather than sent as "", times turned into instants.
 */
export function auditSearchBody(filters: AuditFilters): AuditSearch {
  const text = (value: string | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
  };
  const body: AuditSearch = { limit: filters.limit };
  const subjectId = text(filters.subjectId);
  const actorId = text(filters.actorId);
  const action = text(filters.action);
  const from = filters.from ? beijingInputToIso(filters.from) : undefined;
  const to = filters.to ? beijingInputToIso(filters.to) : undefined;
  if (subjectId) body.subjectId = subjectId;
  if (actorId) body.actorId = actorId;
  if (action) body.action = action;
  if (from) body.from = from;
  if (to) body.to = to;
  return body;
}
