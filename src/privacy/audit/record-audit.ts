import { randomInt } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../access/context.ts';
import { checkAccessPattern } from './access-alerts.ts';
import { entryHash, GENESIS_HASH } from './audit-hash.ts';
import { auditLog, type AuditAction } from './schema.ts';

/** Independent chains: up to this many audit appends can proceed at once. */
export const AUDIT_CHAINS = 16;
// Advisory-lock keys of the chains: a range no other lock of the application uses.
const CHAIN_LOCK_BASE = 724_772_000;

export interface AuditEvent {
  action: AuditAction;
  /** The person whose information it is (cus_…), when there is one. */
  subjectId?: string | null;
  /** What was touched: `customers/cus_…`. */
  record?: string | null;
  fields?: string[];
}

/**
 * Appends one entry to the audit log, in the caller's transaction when given one — so the record of
 * an access commits or rolls back with the access itself. Who, purpose, reason, request and IP come
 * from the Ctx: the log cannot say less than the context knew.
 */
export async function recordAudit(db: DbOrTx, ctx: Ctx, event: AuditEvent): Promise<void> {
  const chain = randomInt(AUDIT_CHAINS);
  const append = async (tx: DbOrTx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_BASE + chain})`);
    const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(eq(auditLog.chain, chain)).orderBy(desc(auditLog.seq)).limit(1);
    const content = {
      chain,
      seq: (last?.seq ?? 0) + 1,
      // Millisecond precision, as stored: the hash must be recomputable from the row.
      at: new Date().toISOString(),
      actorType: ctx.actor.type,
      actorId: actorIdOf(ctx),
      action: event.action,
      subjectId: event.subjectId ?? null,
      record: event.record ?? null,
      fields: event.fields ?? [],
      purpose: ctx.purpose,
      reason: ctx.reason ?? null,
      requestId: ctx.requestId,
      ip: ctx.ip,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditLog).values({ ...content, at: new Date(content.at), prevHash, hash: entryHash(prevHash, content) });
    if (event.action === 'read' || event.action === 'unmask') await checkAccessPattern(tx, ctx);
  };
  // Inside a caller's transaction the lock is held to its end; alone, a short transaction of our own.
  if ('rollback' in db) return append(db);
  await db.transaction(append);
}

function actorIdOf(ctx: Ctx): string | null {
  const actor = ctx.actor;
  if (actor.type === 'anonymous') return null;
  if (actor.type === 'system') return actor.job;
  return actor.id;
}
