import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../../test/support/capturing-sms.ts';
import { signedInStaff } from '../../../../test/support/staff-session.ts';
import { useTestApp } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../privacy/audit/record-audit.ts';
import { staffMembers } from '../../../modules/staff/schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
useTestApp({ sms }, (built) => ({ app, database } = built));

describe('compliance console API', () => {
  it('R-USE-1 the PI-protection officer reads the data map; customer service may not', async () => {
    const { client: officer } = await signedInStaff(app, database.db, ['compliance_officer']);
    const map = await officer.get('/api/console/privacy/data-map');
    expect(map.statusCode).toBe(200);
    expect(map.json().map((entry: { category: string }) => entry.category)).toEqual(expect.arrayContaining(['contact.phone', 'credentials.secret']));
    const { client: service } = await signedInStaff(app, database.db, ['customer_service']);
    expect((await service.get('/api/console/privacy/data-map')).statusCode).toBe(403);
  });

  it('R-SEC-5 auditors search the audit by person and verify the chains; the search is audited', async () => {
    const ctx = { actor: { type: 'staff' as const, id: 'stf_someone', roles: ['customer_service' as const] }, purpose: 'customer_service' as const, reason: '核实保单', requestId: 'req_x', ip: '10.0.0.1' };
    await recordAudit(database.db, ctx, { action: 'unmask', subjectId: 'cus_target', record: 'customers/cus_target', fields: ['phone'] });
    await recordAudit(database.db, ctx, { action: 'read', subjectId: 'cus_other', record: 'customers/cus_other', fields: ['phone_masked'] });
    const { client: auditor, staff } = await signedInStaff(app, database.db, ['auditor']);
    const found = (await auditor.post('/api/console/audit/search', { subjectId: 'cus_target' })).json();
    expect(found).toEqual([expect.objectContaining({ action: 'unmask', actorId: 'stf_someone', reason: '核实保单', fields: ['phone'] })]);
    const verified = (await auditor.post('/api/console/audit/verify')).json();
    expect(verified).toMatchObject({ isIntact: true, problems: [] });
    expect(verified.entries).toBeGreaterThanOrEqual(3);
    const searches = (await auditor.post('/api/console/audit/search', { action: 'read', limit: 50 })).json();
    expect(searches.some((entry: { record: string; actorType: string }) => entry.record === 'audit_log' && entry.actorType === 'staff')).toBe(true);
    expect(staff.username).toBeTruthy();
  });

  it('R-SEC-5 audit search pages past its limit with a cursor and names the staff member who acted', async () => {
    const { client: officer, staff } = await signedInStaff(app, database.db, ['compliance_officer']);
    const subjectId = `cus_paging${Date.now()}`;
    const [member] = await database.db.select().from(staffMembers).where(eq(staffMembers.username, staff.username));
    const ctx = { actor: { type: 'staff' as const, id: member?.id ?? '', roles: ['customer_service' as const] }, purpose: 'customer_service' as const, requestId: 'req_page', ip: '10.0.0.1' };
    for (let i = 0; i < 7; i += 1) await recordAudit(database.db, ctx, { action: 'read', subjectId, record: `customers/${subjectId}`, fields: [`f${i}`] });
    const seen: string[] = [];
    let before: { at: string; chain: number; seq: number } | undefined;
    for (let page = 0; page < 4; page += 1) {
      const entries = (await officer.post('/api/console/audit/search', { subjectId, limit: 3, ...(before ? { before } : {}) })).json();
      seen.push(...entries.map((entry: { fields: string[] }) => entry.fields[0]));
      if (entries.length < 3) break;
      const last = entries[entries.length - 1];
      before = { at: last.at, chain: last.chain, seq: last.seq };
    }
    expect(seen.sort()).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6']);
    const [first] = (await officer.post('/api/console/audit/search', { subjectId, limit: 1 })).json();
    expect(first.actorName).toBe(member?.displayName);
  });

  it('R-SEC-3 administrators cannot read the audit log (separation of duties)', async () => {
    const { client: admin } = await signedInStaff(app, database.db, ['administrator']);
    expect((await admin.post('/api/console/audit/search', {})).statusCode).toBe(403);
    expect((await admin.post('/api/console/audit/verify')).statusCode).toBe(403);
  });
});
