import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from './record-audit.ts';
import { auditLog } from './schema.ts';
import { verifyAudit } from './verify-audit.ts';
import { checkpointAudit } from './checkpoint-audit.ts';
import { ephemeralKeyring } from '../crypto/keyring.ts';

const keyring = ephemeralKeyring();

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const ctx: Ctx = { actor: { type: 'staff', id: 'stf_test', roles: ['customer_service'] }, purpose: 'customer_service', reason: '客户来电核实身份', requestId: 'req_test', ip: '10.1.2.3' };

/** Edits the log the way an intruder with database access would: with the triggers switched off. */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

async function someEntry() {
  const [entry] = await database.db.select().from(auditLog).where(sql`seq > 1`).limit(1);
  if (!entry) throw new Error('no entry');
  return entry;
}

describe('audit log', () => {
  it('R-SEC-5 records who, what, whose, why and from where, in many chains, and verifies intact', async () => {
    await Promise.all(Array.from({ length: 120 }, (_, i) => recordAudit(database.db, ctx, { action: i % 2 ? 'read' : 'unmask', subjectId: `cus_${i % 7}`, record: `customers/cus_${i % 7}`, fields: ['phone'] })));
    const rows = await database.db.select().from(auditLog);
    expect(rows).toHaveLength(120);
    expect(new Set(rows.map((row) => row.chain)).size).toBeGreaterThan(4);
    expect(rows[0]).toMatchObject({ actorType: 'staff', actorId: 'stf_test', purpose: 'customer_service', reason: '客户来电核实身份', requestId: 'req_test', ip: '10.1.2.3' });
    expect(await verifyAudit(database.db, keyring)).toMatchObject({ entries: 120, isIntact: true, problems: [] });
  });

  it('R-SEC-5 a reason keeps why, not whom: PI typed into it is removed before it is stored', async () => {
    await recordAudit(database.db, { ...ctx, reason: '客户 13812345678 来电核实' }, { action: 'unmask', subjectId: 'cus_pi', fields: ['phone'] });
    const [entry] = await database.db.select().from(auditLog).where(sql`subject_id = 'cus_pi'`);
    expect(entry?.reason).toBe('客户 [phone] 来电核实');
    await tamper(sql`delete from audit_log where subject_id = 'cus_pi'`);
  });

  it('R-SEC-5 the database itself refuses UPDATE, DELETE and TRUNCATE of the log', async () => {
    await expect(database.db.execute(sql`update audit_log set reason = 'nothing to see'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await database.db.$count(auditLog)).toBe(120);
  });

  it('R-SEC-5 verification names an altered entry', async () => {
    const entry = await someEntry();
    await tamper(sql`update audit_log set reason = 'routine' where chain = ${entry.chain} and seq = ${entry.seq}`);
    const result = await verifyAudit(database.db, keyring);
    expect(result.isIntact).toBe(false);
    expect(result.problems).toContainEqual({ chain: entry.chain, seq: entry.seq, kind: 'altered' });
    await tamper(sql`update audit_log set reason = ${entry.reason} where chain = ${entry.chain} and seq = ${entry.seq}`);
    expect((await verifyAudit(database.db, keyring)).isIntact).toBe(true);
  });

  it('R-SEC-5 verification names a removed entry and a reordered one', async () => {
    const entry = await someEntry();
    const [next] = await database.db.select().from(auditLog).where(and(eq(auditLog.chain, entry.chain), eq(auditLog.seq, entry.seq + 1)));
    await tamper(sql`delete from audit_log where chain = ${entry.chain} and seq = ${entry.seq}`);
    expect((await verifyAudit(database.db, keyring)).problems).toContainEqual({ chain: entry.chain, seq: entry.seq, kind: 'missing' });
    if (next) {
      // Renumber the following entry into the gap: the sequence is whole again, but the chain is not.
      await tamper(sql`update audit_log set seq = ${entry.seq} where chain = ${entry.chain} and seq = ${entry.seq + 1}`);
      const problems = (await verifyAudit(database.db, keyring)).problems;
      expect(problems.find((p) => p.chain === entry.chain)?.kind).toMatch(/reordered|altered/);
    }
  });

  it('R-SEC-5 a signed checkpoint reveals entries cut from the end of a chain, and a forged checkpoint', async () => {
    const { heads } = await checkpointAudit(database.db, keyring);
    expect((await verifyAudit(database.db, keyring)).problems.filter((p) => p.kind === 'truncated')).toEqual([]);
    const [chain, head] = Object.entries(heads)[0] as [string, { seq: number }];
    await tamper(sql`delete from audit_log where chain = ${Number(chain)} and seq = ${head.seq}`);
    const result = await verifyAudit(database.db, keyring);
    expect(result.problems).toContainEqual({ chain: Number(chain), seq: head.seq, kind: 'truncated' });
    await tamper(sql`update audit_checkpoints set heads = '{}'`);
    expect((await verifyAudit(database.db, keyring)).problems).toContainEqual({ chain: -1, seq: -1, kind: 'checkpoint_forged' });
  });
});

describe('audit log inside the callers’ transactions', () => {
  let own: TestDatabase;
  beforeAll(async () => {
    own = await createTestDatabase();
  });
  afterAll(() => own.close());
  const systemCtx: Ctx = { actor: { type: 'system', job: 'test' }, purpose: 'policy_service', requestId: 'req_tx', ip: null };
  const event = (i: number) => ({ action: 'export' as const, subjectId: `cus_${i}`, record: `orders/ord_${i}`, fields: ['name'] });

  it('R-SEC-5 several entries of one transaction (some at once) and of concurrent transactions chain intact; a rolled-back one leaves none', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, t) =>
        own.db.transaction(async (tx) => {
          await recordAudit(tx, systemCtx, event(t * 10));
          await Promise.all([1, 2, 3].map((i) => recordAudit(tx, systemCtx, event(t * 10 + i))));
          await recordAudit(tx, systemCtx, event(t * 10 + 4));
        }),
      ),
    );
    await expect(
      own.db.transaction(async (tx) => {
        await recordAudit(tx, systemCtx, event(999));
        await recordAudit(tx, systemCtx, event(998));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const rows = await own.db.select().from(auditLog);
    expect(rows).toHaveLength(60);
    expect(rows.some((row) => row.subjectId === 'cus_999' || row.subjectId === 'cus_998')).toBe(false);
    // One transaction's entries go to one chain: its lock is taken and its tail read once.
    for (let t = 0; t < 12; t += 1) {
      const ofTransaction = rows.filter((row) => Math.floor(Number(row.subjectId?.slice(4)) / 10) === t);
      expect(ofTransaction).toHaveLength(5);
      expect(new Set(ofTransaction.map((row) => row.chain)).size).toBe(1);
    }
    expect(await verifyAudit(own.db, keyring)).toMatchObject({ entries: 60, isIntact: true, problems: [] });
  });
});
