import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { compiledQuery } from '../../../db/compiled-query.ts';
import type { DbOrTx } from '../../../db/types.ts';
import { newId } from '../../../shared/ids.ts';
import { sessions } from '../schema.ts';
import { describeDevice, networkOf } from './describe-device.ts';
import { sessionPolicy, touchIntervalSeconds, type SessionKind } from './session-policy.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';

export interface SessionRecord {
  id: string;
  kind: SessionKind;
  subjectId: string;
}

export interface SessionOrigin {
  userAgent: string | undefined;
  ip: string | null;
}

/** Starts a session and returns the token for the cookie (never stored as such). */
export async function createSession(db: DbOrTx, kind: SessionKind, subjectId: string, origin: SessionOrigin): Promise<{ token: string; session: SessionRecord }> {
  const token = newSessionToken();
  const policy = sessionPolicy[kind];
  const id = newId('ses');
  await db.insert(sessions).values({
    id,
    tokenHash: hashSessionToken(token),
    kind,
    subjectId,
    device: describeDevice(origin.userAgent),
    ipPrefix: networkOf(origin.ip),
    expiresAt: sql`now() + make_interval(secs => ${policy.slidingSeconds})`,
    absoluteExpiresAt: sql`now() + make_interval(secs => ${policy.absoluteSeconds})`,
  });
  return { token, session: { id, kind, subjectId } };
}

/**
 * The live session of a cookie token, or null (unknown, revoked, expired, or of another kind).
 * Slides the expiry forward, writing at most once per touch interval to spare the database.
 */
/** The live-session look-up every request with a cookie sends, built once per kind (compiled-query.ts). */
function liveSessionQuery(isStaff: boolean) {
  return compiledQuery((db) =>
    db
      .select({ id: sessions.id, kind: sessions.kind, subjectId: sessions.subjectId, sinceSeen: sql<number>`extract(epoch from (now() - ${sessions.lastSeenAt}))::int` })
      .from(sessions)
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder('tokenHash')),
          isStaff ? eq(sessions.kind, 'staff') : ne(sessions.kind, 'staff'),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, sql`now()`),
          gt(sessions.absoluteExpiresAt, sql`now()`),
        ),
      ),
  );
}
const liveStaffSession = liveSessionQuery(true);
const liveCustomerSession = liveSessionQuery(false);

export async function resolveSession(db: DbOrTx, token: string, kind: SessionKind): Promise<SessionRecord | null> {
  const [row] = await (kind === 'staff' ? liveStaffSession : liveCustomerSession)(db, { tokenHash: hashSessionToken(token) });
  if (!row) return null;
  if (row.sinceSeen >= touchIntervalSeconds(row.kind)) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: sql`least(now() + make_interval(secs => ${sessionPolicy[row.kind].slidingSeconds}), ${sessions.absoluteExpiresAt})` })
      .where(eq(sessions.id, row.id));
  }
  return { id: row.id, kind: row.kind, subjectId: row.subjectId };
}

export async function revokeSession(db: DbOrTx, subjectId: string, sessionId: string): Promise<boolean> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.subjectId, subjectId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

/** Ends one session whoever it belongs to (sign-out of the current session, or its replacement at sign-in). */
export async function endSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** "Sign out everywhere": every session of the subject, optionally keeping the current one. */
export async function revokeAllSessions(db: DbOrTx, subjectId: string, exceptSessionId?: string): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.subjectId, subjectId), isNull(sessions.revokedAt), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined))
    .returning({ id: sessions.id });
  return revoked.length;
}

export interface ActiveSession {
  id: string;
  device: string;
  network: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  isCurrent: boolean;
}

export async function listActiveSessions(db: DbOrTx, subjectId: string, currentSessionId: string): Promise<ActiveSession[]> {
  const rows = await db
    .select({ id: sessions.id, device: sessions.device, network: sessions.ipPrefix, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.subjectId, subjectId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`), gt(sessions.absoluteExpiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((row) => ({ ...row, isCurrent: row.id === currentSessionId }));
}
