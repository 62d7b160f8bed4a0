import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { authorizeStaff } from '../../modules/staff/policies.ts';
import { newId } from '../../shared/ids.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { legalHolds, type LegalHoldKind } from './schema.ts';

export type LegalHold = typeof legalHolds.$inferSelect;

export interface PlaceHoldInput {
  subjectId: string;
  recordTable?: string | null;
  recordId?: string | null;
  kind: LegalHoldKind;
  reference: string;
  retainUntil?: Date | null;
}

/**
 * Places a legal hold: from then on the retention sweep keeps what it covers. Staff place holds for
 * disputes, litigation and regulators' inquiries with a typed reason; the insurance domain places
 * `insurance_record` holds itself (system actor) with the computed retain-until.
 */
export async function placeLegalHold(ctx: Ctx, db: Db, input: PlaceHoldInput): Promise<LegalHold> {
  if (ctx.actor.type !== 'system') requireReason(ctx, 'retention.holds.manage');
  if (!input.recordTable !== !input.recordId) throw new AppError('validation_failed', 'A record hold needs both table and id', { details: { fields: ['recordTable', 'recordId'] } });
  const [hold] = await db
    .insert(legalHolds)
    .values({
      id: newId('hld'),
      subjectId: input.subjectId,
      recordTable: input.recordTable ?? null,
      recordId: input.recordId ?? null,
      kind: input.kind,
      reference: input.reference.trim(),
      retainUntil: input.retainUntil ?? null,
      placedBy: actorName(ctx),
    })
    .returning();
  if (!hold) throw new AppError('internal', 'Insert returned nothing');
  await recordAudit(db, ctx, { action: 'create', subjectId: input.subjectId, record: `legal_holds/${hold.id}`, fields: [input.kind] });
  return hold;
}

/** Releases a hold (the dispute is settled): what it kept becomes subject to its retention again. */
export async function releaseLegalHold(ctx: Ctx, db: Db, holdId: string): Promise<LegalHold> {
  requireReason(ctx, 'retention.holds.manage');
  const [released] = await db
    .update(legalHolds)
    .set({ releasedAt: new Date(), releasedBy: actorName(ctx) })
    .where(and(eq(legalHolds.id, holdId), isNull(legalHolds.releasedAt)))
    .returning();
  if (!released) {
    const [existing] = await db.select({ id: legalHolds.id }).from(legalHolds).where(eq(legalHolds.id, holdId));
    throw new AppError(existing ? 'hold_already_released' : 'not_found', `Hold ${holdId} not releasable`);
  }
  await recordAudit(db, ctx, { action: 'update', subjectId: released.subjectId, record: `legal_holds/${holdId}`, fields: ['released_at'] });
  return released;
}

/** Holds, newest first: those in force, or all; optionally of one person. */
export async function listLegalHolds(ctx: Ctx, db: Db, filter: { subjectId?: string; includeReleased?: boolean } = {}): Promise<LegalHold[]> {
  authorizeStaff(ctx.actor, 'retention.read');
  const conditions: SQL[] = [];
  if (filter.subjectId) conditions.push(eq(legalHolds.subjectId, filter.subjectId));
  if (!filter.includeReleased) conditions.push(isNull(legalHolds.releasedAt));
  return db.select().from(legalHolds).where(and(...conditions)).orderBy(desc(legalHolds.placedAt)).limit(500);
}

function requireReason(ctx: Ctx, action: 'retention.holds.manage'): void {
  authorizeStaff(ctx.actor, action);
  if ((ctx.reason?.trim().length ?? 0) < 5) throw new AppError('reason_required', 'Legal hold change without a reason');
}

function actorName(ctx: Ctx): string {
  if (ctx.actor.type === 'system') return `system:${ctx.actor.job}`;
  return 'id' in ctx.actor ? ctx.actor.id : ctx.actor.type;
}
