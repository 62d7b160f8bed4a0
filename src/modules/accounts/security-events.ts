import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { newId } from '../../shared/ids.ts';
import { securityEvents, signInLocks } from './schema.ts';

export type SecurityEventKind = 'sms_sent_phone' | 'sms_sent_ip' | 'code_wrong' | 'password_wrong' | 'totp_wrong';

/** Counting happens in the database so that limits hold across all server processes. */
export async function recordEvent(db: DbOrTx, kind: SecurityEventKind, subjectKey: string): Promise<void> {
  await db.insert(securityEvents).values({ id: newId('sev'), kind, subjectKey });
}

export async function countRecentEvents(db: DbOrTx, kind: SecurityEventKind, subjectKey: string, windowSeconds: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(securityEvents)
    .where(and(eq(securityEvents.kind, kind), eq(securityEvents.subjectKey, subjectKey), gt(securityEvents.at, sql`now() - make_interval(secs => ${windowSeconds})`)));
  return row?.n ?? 0;
}

/** Seconds until the lock on this subject ends; 0 when it is not locked. */
export async function lockedForSeconds(db: DbOrTx, subjectKey: string): Promise<number> {
  const [row] = await db
    .select({ seconds: sql<number>`ceil(extract(epoch from (${signInLocks.lockedUntil} - now())))::int` })
    .from(signInLocks)
    .where(and(eq(signInLocks.subjectKey, subjectKey), gt(signInLocks.lockedUntil, sql`now()`)));
  return row?.seconds ?? 0;
}

export async function lockSubject(db: DbOrTx, subjectKey: string, seconds: number): Promise<void> {
  const until = sql`now() + make_interval(secs => ${seconds})`;
  await db.insert(signInLocks).values({ subjectKey, lockedUntil: until }).onConflictDoUpdate({ target: signInLocks.subjectKey, set: { lockedUntil: until } });
}

/** Serialises concurrent operations on one subject (e.g. two code requests for one phone) across processes. */
export async function lockSubjectForTransaction(tx: DbOrTx, subjectKey: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${subjectKey}))`);
}
