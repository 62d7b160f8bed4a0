import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { DbOrTx } from '../../db/types.ts';
import { authorizeStaff } from '../../modules/staff/policies.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from './record-audit.ts';
import { scrubText } from '../redaction/scrub.ts';
import { accessAlerts } from './schema.ts';

export type AccessAlert = typeof accessAlerts.$inferSelect;

export async function listAccessAlerts(ctx: Ctx, input: { openOnly: boolean }, db: DbOrTx): Promise<AccessAlert[]> {
  authorizeStaff(ctx.actor, 'alerts.read');
  return db
    .select()
    .from(accessAlerts)
    .where(input.openOnly ? isNull(accessAlerts.acknowledgedAt) : undefined)
    .orderBy(desc(accessAlerts.raisedAt))
    .limit(200);
}

/** The PI-protection officer closes an alert with what was found; the closing is audited. */
export async function acknowledgeAccessAlert(ctx: Ctx, input: { alertId: string; note: string }, db: DbOrTx): Promise<void> {
  const officer = authorizeStaff(ctx.actor, 'alerts.acknowledge');
  const updated = await db
    .update(accessAlerts)
    .set({ acknowledgedAt: sql`now()`, acknowledgedBy: officer.id, note: scrubText(input.note.trim()) })
    .where(and(eq(accessAlerts.id, input.alertId), isNull(accessAlerts.acknowledgedAt)))
    .returning({ actorId: accessAlerts.actorId });
  if (updated.length === 0) throw new AppError('not_found', 'No such open alert');
  await recordAudit(db, ctx, { action: 'update', record: `access_alerts/${input.alertId}`, fields: ['acknowledged'] });
}
