import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { signedInStaff } from '../../../../test/support/staff-session.ts';
import { useTestApp } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { customers } from '../../../modules/accounts/schema.ts';
import { newId } from '../../../shared/ids.ts';

let database: TestDatabase;
let app: FastifyInstance;
useTestApp({}, (built) => ({ app, database } = built));

async function closedLongAgo(): Promise<string> {
  const id = newId('cus');
  await database.db.insert(customers).values({ id, phoneEnc: 'f1.1.x.y', phoneBidx: `b_${id}`, status: 'closed', closedAt: sql`now() - interval '90 days'` });
  return id;
}

describe('retention console API', () => {
  it('R-STO-1 R-STO-2 the officer sees what is due, holds a closed account, runs a sweep with progress, and the hold keeps the account', async () => {
    const { client: officer } = await signedInStaff(app, database.db, ['compliance_officer']);
    const [held, free] = [await closedLongAgo(), await closedLongAgo()];
    const before = (await officer.get('/api/console/retention/schedule')).json();
    expect(before.find((line: { table: string }) => line.table === 'customers')).toMatchObject({ action: 'anonymise', due: 2, held: 0, rule: 'until_account_closed' });

    const noReason = await officer.post('/api/console/retention/holds', { subjectId: held, kind: 'dispute', reference: 'TS-2026-11', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('reason_required');
    const placed = await officer.post('/api/console/retention/holds', { subjectId: held, kind: 'dispute', reference: 'TS-2026-11', reason: '客户投诉尚未结案' });
    expect(placed.statusCode).toBe(201);
    expect((await officer.get('/api/console/retention/holds')).json().map((hold: { id: string }) => hold.id)).toContain(placed.json().id);

    const started = await officer.post('/api/console/retention/sweeps');
    expect(started.statusCode).toBe(202);
    const progress = (await officer.get(`/api/console/retention/sweeps/${started.json().taskId}`)).json();
    expect(progress).toMatchObject({ status: 'succeeded' });
    expect(progress.done).toBe(progress.total);
    expect(progress.reports.find((report: { table: string }) => report.table === 'customers')).toMatchObject({ removed: 1, held: 1 });
    const statuses = await database.db.select({ id: customers.id, status: customers.status }).from(customers).where(sql`id in (${held}, ${free})`);
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [held]: 'closed', [free]: 'anonymised' });

    const released = await officer.post(`/api/console/retention/holds/${placed.json().id}/release`, { reason: '投诉已结案' });
    expect(released.json().releasedAt).not.toBeNull();
  });

  it('R-STO-2 customer service cannot see or change holds; auditors can see but not change them', async () => {
    const { client: service } = await signedInStaff(app, database.db, ['customer_service']);
    expect((await service.get('/api/console/retention/holds')).statusCode).toBe(403);
    const { client: auditor } = await signedInStaff(app, database.db, ['auditor']);
    expect((await auditor.get('/api/console/retention/schedule')).statusCode).toBe(200);
    const attempt = await auditor.post('/api/console/retention/holds', { subjectId: newId('cus'), kind: 'litigation', reference: 'L-1', reason: '审计人员尝试' });
    expect(attempt.statusCode).toBe(403);
    expect((await auditor.post('/api/console/retention/sweeps')).statusCode).toBe(403);
  });
});
