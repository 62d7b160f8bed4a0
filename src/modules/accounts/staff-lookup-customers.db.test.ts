import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-session.ts';
import { useTestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../privacy/audit/schema.ts';
import { verifyAudit } from '../../privacy/audit/verify-audit.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();

useTestApp({ sms }, (built) => ({ app, database } = built));

async function registeredCustomer(): Promise<{ phone: string; customerId: string }> {
  const { phone } = buildPersonPi();
  const client = await new TestClient(app, '192.0.2.200').start();
  await client.post('/api/site/auth/code', { phone });
  const signedIn = await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
  return { phone, customerId: signedIn.json().customerId };
}

describe('customer lookup by staff', () => {
  it('R-SEC-3 customer service finds a caller by number and sees it masked; the read is audited', async () => {
    const { phone, customerId } = await registeredCustomer();
    const { client, staff } = await signedInStaff(app, database.db, ['customer_service']);
    const found = await client.post('/api/console/customers/search', { phone });
    expect(found.json()).toEqual([expect.objectContaining({ customerId, phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` })]);
    expect(found.body).not.toContain(phone);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, customerId));
    expect(entries).toEqual([expect.objectContaining({ action: 'read', actorType: 'staff', purpose: 'customer_service', fields: ['phone_masked'] })]);
    expect(staff.username).toBeTruthy();
  });

  it('R-SEC-3 R-SEC-5 unmasking needs a typed reason; the full value is shown and the unmask recorded with the reason', async () => {
    const { phone, customerId } = await registeredCustomer();
    const { client } = await signedInStaff(app, database.db, ['customer_service']);
    const refused = await client.speaks('en').post(`/api/console/customers/${customerId}/unmask`, { field: 'phone', reason: ' ' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'reason_required' });
    const shown = await client.post(`/api/console/customers/${customerId}/unmask`, { field: 'phone', reason: '客户来电要求核对预留手机号' });
    expect(shown.json()).toEqual({ value: `+86${phone}` });
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, customerId));
    expect(entries.map((e) => e.action).sort()).toEqual(['refused', 'unmask']);
    expect(entries.find((e) => e.action === 'unmask')).toMatchObject({ reason: '客户来电要求核对预留手机号', fields: ['phone'] });
    expect((await verifyAudit(database.db, app.services.keyring)).isIntact).toBe(true);
  });

  it('R-SEC-3 roles without the permission are refused, and the refusal is audited', async () => {
    const { customerId } = await registeredCustomer();
    const { client: admin } = await signedInStaff(app, database.db, ['administrator']);
    expect((await admin.post('/api/console/customers/search', { phone: buildPersonPi().phone })).statusCode).toBe(403);
    const { client: officer } = await signedInStaff(app, database.db, ['compliance_officer']);
    const unmask = await officer.post(`/api/console/customers/${customerId}/unmask`, { field: 'phone', reason: '抽查' + '个人信息处理' });
    expect(unmask.statusCode).toBe(403);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, customerId));
    expect(entries.map((e) => e.action)).toEqual(['refused']);
  });
});
