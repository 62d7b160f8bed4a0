/**
 * What another console page hands the audit page when it links there ("this customer's audit trail",
 * "this staff member's activity"). It travels in the router's state rather than the address, because
 * the ids name people and addresses end up in logs and browser history.
 */
export interface AuditPageState {
  subjectId?: string;
  actorId?: string;
}

/** The state read back defensively: history state can hold anything another page or an old visit left. */
export function auditPageStateFrom(state: unknown): AuditPageState | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { subjectId, actorId } = state as Record<string, unknown>;
  const result: AuditPageState = {};
  if (typeof subjectId === 'string' && subjectId !== '') result.subjectId = subjectId;
  if (typeof actorId === 'string' && actorId !== '') result.actorId = actorId;
  return result.subjectId || result.actorId ? result : undefined;
}
