import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { sessions, securityEvents, signInLocks, smsChallenges } from '../../modules/accounts/schema.ts';
import { systemCtx } from '../access/context.ts';
import { auditLog } from '../audit/schema.ts';
import { columnCatalogue } from '../catalogue/classify.ts';
import { retentionRules } from '../catalogue/retention-rules.ts';
import { sweepRetention, sweepRules } from './sweep-retention.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const ctx = systemCtx('test.retention', 'legal_obligation');

async function seed(): Promise<void> {
  const db = database.db;
  await db.insert(smsChallenges).values([
    { id: 'chl_old', phoneBidx: 'p1', codeHash: 'h', expiresAt: sql`now() - interval '2 days'` },
    { id: 'chl_new', phoneBidx: 'p1', codeHash: 'h', expiresAt: sql`now() + interval '5 minutes'` },
  ]);
  const session = { tokenHash: '', kind: 'customer' as const, subjectId: 'cus_1', device: 'Chrome · macOS' };
  await db.insert(sessions).values([
    { ...session, id: 'ses_ended_long_ago', tokenHash: 't1', expiresAt: sql`now() + interval '1 day'`, absoluteExpiresAt: sql`now() + interval '1 day'`, revokedAt: sql`now() - interval '31 days'` },
    { ...session, id: 'ses_expired_long_ago', tokenHash: 't2', expiresAt: sql`now() - interval '40 days'`, absoluteExpiresAt: sql`now() + interval '100 days'` },
    { ...session, id: 'ses_recently_ended', tokenHash: 't3', expiresAt: sql`now() - interval '2 days'`, absoluteExpiresAt: sql`now() + interval '100 days'` },
    { ...session, id: 'ses_live', tokenHash: 't4', expiresAt: sql`now() + interval '1 day'`, absoluteExpiresAt: sql`now() + interval '100 days'` },
  ]);
  await db.insert(securityEvents).values([
    { id: 'sev_old', kind: 'code_wrong', subjectKey: 'p1', at: sql`now() - interval '7 months'` },
    { id: 'sev_new', kind: 'code_wrong', subjectKey: 'p1' },
  ]);
  await db.insert(signInLocks).values([
    { subjectKey: 'lock_old', lockedUntil: sql`now() - interval '3 days'` },
    { subjectKey: 'lock_live', lockedUntil: sql`now() + interval '10 minutes'` },
  ]);
}

describe('retention sweep', () => {
  it('R-STO-1 a dry run counts what is past retention and removes nothing', async () => {
    await seed();
    const reports = await sweepRetention(ctx, database.db, { dryRun: true });
    expect(Object.fromEntries(reports.filter((r) => r.removed > 0).map((r) => [r.table, r.removed]))).toEqual({ sms_challenges: 1, sign_in_locks: 1, sessions: 2, security_events: 1 });
    expect(await database.db.$count(sessions)).toBe(4);
  });

  it('R-STO-1 the sweep removes exactly what is past retention and audits the counts', async () => {
    const reports = await sweepRetention(ctx, database.db, { dryRun: false });
    expect(reports.reduce((sum, r) => sum + r.removed, 0)).toBe(5);
    const remaining = (await database.db.select({ id: sessions.id }).from(sessions)).map((row) => row.id).sort();
    expect(remaining).toEqual(['ses_live', 'ses_recently_ended']);
    expect((await database.db.select().from(smsChallenges)).map((row) => row.id)).toEqual(['chl_new']);
    expect((await database.db.select().from(securityEvents)).map((row) => row.id)).toEqual(['sev_new']);
    expect((await database.db.select().from(signInLocks)).map((row) => row.subjectKey)).toEqual(['lock_live']);
    const audited = await database.db.select().from(auditLog);
    expect(audited.filter((entry) => entry.action === 'delete').map((entry) => entry.record).sort()).toEqual(['security_events', 'sessions', 'sign_in_locks', 'sms_challenges']);
    expect((await sweepRetention(ctx, database.db, { dryRun: false })).every((r) => r.removed === 0)).toBe(true);
  });

  it('R-STO-1 every table whose catalogue sets a time-limited retention has a sweep rule', () => {
    const needing = [...columnCatalogue]
      .filter(([, columns]) => [...columns.values()].some((c) => c.kind === 'personal' && retentionRules[c.retention].swept))
      .map(([table]) => table)
      .sort();
    expect(needing).toEqual([...new Set(sweepRules.map((rule) => rule.table))].sort());
  });
});
