import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { authorizeStaff } from '../../modules/staff/policies.ts';
import { staffMembers } from '../../modules/staff/schema.ts';
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
  /** Continue after this entry (the last one of the previous page): newest first, by time then chain and sequence. */
  before?: { at: Date; chain: number; seq: number };
}

export const AUDIT_PAGE_MAX = 500;

/** An audit entry with the display name of the staff member who acted, when it was one. */
export type FoundAuditEntry = AuditEntry & { actorName: string | null };

/**
 * Audit search for the PI-protection officer and auditors, newest first. Reading the audit is itself
 * an access to personal information (who looked at whom), so the search is audited too.
 */
export async function searchAudit(ctx: Ctx, query: AuditQuery, db: DbOrTx): Promise<FoundAuditEntry[]> {
  authorizeStaff(ctx.actor, 'audit.read');
  const conditions: SQL[] = [];
  if (query.subjectId) conditions.push(eq(auditLog.subjectId, query.subjectId));
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.from) conditions.push(gte(auditLog.at, query.from));
  if (query.to) conditions.push(lt(auditLog.at, query.to));
  if (query.before) {
    const { at, chain, seq } = query.before;
    conditions.push(sql`(${auditLog.at}, ${auditLog.chain}, ${auditLog.seq}) < (${at.toISOString()}::timestamptz, ${chain}, ${seq})`);
  }
  const rows = await db
    .select({ entry: auditLog, actorName: staffMembers.displayName })
    .from(auditLog)
    .leftJoin(staffMembers, and(eq(auditLog.actorType, 'staff'), eq(staffMembers.id, auditLog.actorId)))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.chain), desc(auditLog.seq))
    .limit(Math.min(query.limit, AUDIT_PAGE_MAX));
  await recordAudit(db, ctx, { action: 'read', subjectId: query.subjectId ?? null, record: 'audit_log', fields: ['audit_entries'] });
  return rows.map((row) => ({ ...row.entry, actorName: row.actorName }));
}
