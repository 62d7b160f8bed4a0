import { and, count, countDistinct, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { newId } from '../../shared/ids.ts';
import type { Ctx } from '../access/context.ts';
import { accessAlerts, auditLog } from './schema.ts';

/** Thresholds of unusual access; set from configuration at start (AUDIT_ALERT_*). */
export const alertSettings = { distinctSubjects: 50, windowMinutes: 10, quietHoursStart: 22, quietHoursEnd: 7 };

/**
 * After a staff member reads or unmasks someone's data: raise an alert when they have touched more
 * than N distinct people within M minutes (bulk reading), or when it happens in quiet hours
 * (Asia/Shanghai). One open alert per staff member and kind is enough — no flood of duplicates.
 */
export async function checkAccessPattern(db: DbOrTx, ctx: Ctx): Promise<void> {
  if (ctx.actor.type !== 'staff') return;
  const actorId = ctx.actor.id;
  const window = sql`now() - make_interval(mins => ${alertSettings.windowMinutes})`;
  const [{ subjects } = { subjects: 0 }] = await db
    .select({ subjects: countDistinct(auditLog.subjectId) })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), gt(auditLog.at, window), isNotNull(auditLog.subjectId), sql`${auditLog.action} in ('read', 'unmask')`));
  if (subjects > alertSettings.distinctSubjects) await raiseOnce(db, 'bulk_read', actorId, subjects);
  if (isQuietHour(new Date())) await raiseOnce(db, 'off_hours', actorId, subjects);
}

async function raiseOnce(db: DbOrTx, kind: 'bulk_read' | 'off_hours', actorId: string, subjects: number): Promise<void> {
  const [{ open } = { open: 0 }] = await db
    .select({ open: count() })
    .from(accessAlerts)
    .where(and(eq(accessAlerts.actorId, actorId), eq(accessAlerts.kind, kind), sql`${accessAlerts.acknowledgedAt} is null`));
  if (open > 0) return;
  await db.insert(accessAlerts).values({ id: newId('alr'), kind, actorId, distinctSubjects: subjects, windowMinutes: alertSettings.windowMinutes });
}

export function isQuietHour(at: Date): boolean {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }).format(at)) % 24;
  const { quietHoursStart: start, quietHoursEnd: end } = alertSettings;
  return start > end ? hour >= start || hour < end : hour >= start && hour < end;
}
