import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { customers, sessions } from '../../modules/accounts/schema.ts';
import { newId } from '../../shared/ids.ts';
import { systemCtx, type Ctx } from '../access/context.ts';
import { auditLog } from '../audit/schema.ts';
import { listLegalHolds, placeLegalHold, releaseLegalHold } from './manage-legal-holds.ts';
import { sweepRetention } from './sweep-retention.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const sweeper = systemCtx('test.retention', 'legal_obligation');
const officer = (reason?: string): Ctx => ({ actor: { type: 'staff', id: 'stf_officer', roles: ['compliance_officer'] }, purpose: 'legal_obligation', reason, requestId: 'req_test', ip: '10.0.0.1' });

async function closedCustomer(closedDaysAgo: number): Promise<string> {
  const id = newId('cus');
  await database.db.insert(customers).values({
    id,
    phoneEnc: 'f1.1.placeholder.ciphertext',
    phoneBidx: `bidx_${id}`,
    passwordHash: '$argon2id$placeholder',
    status: 'closed',
    closedAt: sql`now() - make_interval(days => ${closedDaysAgo})`,
    createdAt: sql`'2026-03-17T09:30:00Z'::timestamptz`,
    lastSignInAt: sql`now() - make_interval(days => ${closedDaysAgo + 1})`,
  });
  return id;
}

async function customerRow(id: string) {
  const [row] = await database.db.select().from(customers).where(sql`id = ${id}`);
  return row;
}

const sweepCustomers = async (dryRun = false) => (await sweepRetention(sweeper, database.db, { dryRun })).find((report) => report.table === 'customers');

describe('legal holds and anonymisation', () => {
  it('R-STO-1 a closed account past its grace period is anonymised: number, password and exact dates gone, the row kept for statistics', async () => {
    const expired = await closedCustomer(31);
    const recent = await closedCustomer(5);
    await sweepCustomers();
    const anonymised = await customerRow(expired);
    expect(anonymised).toMatchObject({ status: 'anonymised', phoneEnc: null, phoneBidx: `anonymised:${expired}`, passwordHash: null, lastSignInAt: null });
    expect(anonymised?.createdAt.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(await customerRow(recent)).toMatchObject({ status: 'closed', passwordHash: '$argon2id$placeholder' });
  });

  it('R-STO-2 a hold on a person keeps their closed account until it is released; the dry run counts it as held', async () => {
    const held = await closedCustomer(40);
    const hold = await placeLegalHold(officer('仲裁案件需要保留账户资料'), database.db, { subjectId: held, kind: 'dispute', reference: '京仲案字 2026-0419' });
    expect((await sweepCustomers(true))?.held).toBeGreaterThanOrEqual(1);
    await sweepCustomers();
    expect(await customerRow(held)).toMatchObject({ status: 'closed', phoneBidx: `bidx_${held}` });
    expect((await listLegalHolds(officer(), database.db, { subjectId: held })).map((h) => h.id)).toEqual([hold.id]);

    await releaseLegalHold(officer('仲裁已结案，解除保全'), database.db, hold.id);
    await sweepCustomers();
    expect(await customerRow(held)).toMatchObject({ status: 'anonymised', phoneEnc: null });
    const audited = await database.db.select().from(auditLog).where(sql`record = ${`legal_holds/${hold.id}`}`);
    expect(audited.map((entry) => [entry.action, entry.reason])).toEqual([
      ['create', '仲裁案件需要保留账户资料'],
      ['update', '仲裁已结案，解除保全'],
    ]);
  });

  it('R-STO-2 a hold on one record blocks exactly that record, and ends by itself at its retain-until', async () => {
    const subjectId = newId('cus');
    const ended = { kind: 'customer' as const, subjectId, device: 'Chrome · Windows', expiresAt: sql`now() - interval '60 days'`, absoluteExpiresAt: sql`now() - interval '60 days'` };
    const [kept, lapsed, free] = [newId('ses'), newId('ses'), newId('ses')];
    await database.db.insert(sessions).values([kept, lapsed, free].map((id) => ({ ...ended, id, tokenHash: id })));
    await placeLegalHold(systemCtx('test.insurance', 'legal_obligation'), database.db, { subjectId, recordTable: 'sessions', recordId: kept, kind: 'insurance_record', reference: 'POL-1', retainUntil: new Date(Date.now() + 86_400_000) });
    await placeLegalHold(systemCtx('test.insurance', 'legal_obligation'), database.db, { subjectId, recordTable: 'sessions', recordId: lapsed, kind: 'insurance_record', reference: 'POL-2', retainUntil: new Date(Date.now() - 1000) });
    await sweepRetention(sweeper, database.db, { dryRun: false });
    const left = (await database.db.select({ id: sessions.id }).from(sessions).where(sql`subject_id = ${subjectId}`)).map((row) => row.id);
    expect(left).toEqual([kept]);
  });

  it('R-STO-2 placing and releasing holds needs the compliance role and a typed reason; a hold is released once', async () => {
    const subjectId = newId('cus');
    const support: Ctx = { ...officer('想看看'), actor: { type: 'staff', id: 'stf_cs', roles: ['customer_service'] } };
    await expect(placeLegalHold(support, database.db, { subjectId, kind: 'dispute', reference: 'X-1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(placeLegalHold(officer(), database.db, { subjectId, kind: 'dispute', reference: 'X-1' })).rejects.toMatchObject({ code: 'reason_required' });
    const hold = await placeLegalHold(officer('客户投诉处理中'), database.db, { subjectId, kind: 'dispute', reference: 'X-1' });
    await releaseLegalHold(officer('投诉已处理完毕'), database.db, hold.id);
    await expect(releaseLegalHold(officer('投诉已处理完毕'), database.db, hold.id)).rejects.toMatchObject({ code: 'hold_already_released' });
    await expect(releaseLegalHold(officer('投诉已处理完毕'), database.db, 'hld_missing')).rejects.toMatchObject({ code: 'not_found' });
  });
});
