import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { authorizeStaff } from '../../modules/staff/policies.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from './record-audit.ts';
import { auditLog, type AuditAction, type AuditEntry } from './schema.ts';

export interface AuditQuery {
  subjectId?: string;
  actorId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
  limit: number;
}

/**
 * Audit search for the PI-protection officer and auditors, newest first. Reading the audit is itself
 * an access to personal information (who looked at whom), so the search is audited too.
 */
export async function searchAudit(ctx: Ctx, query: AuditQuery, db: DbOrTx): Promise<AuditEntry[]> {
  authorizeStaff(ctx.actor, 'audit.read');
  const conditions: SQL[] = [];
  if (query.subjectId) conditions.push(eq(auditLog.subjectId, query.subjectId));
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.from) conditions.push(gte(auditLog.at, query.from));
  if (query.to) conditions.push(lt(auditLog.at, query.to));
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.at))
    .limit(Math.min(query.limit, 500));
  await recordAudit(db, ctx, { action: 'read', subjectId: query.subjectId ?? null, record: 'audit_log', fields: ['audit_entries'] });
  return rows;
}
