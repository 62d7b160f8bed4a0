import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { signedInCustomer } from '../../../test/support/customer-session.ts';
import { dumpDatabase } from '../../../test/support/dump-database.ts';
import { buildPersonPi, residentIdCheckCharacter } from '../../../test/support/factories/person.ts';
import { signedInStaff } from '../../../test/support/staff-session.ts';
import { useTestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';
import { columnCatalogue } from '../../privacy/catalogue/classify.ts';
import { erasureTargets, keptOnErasure } from '../../privacy/retention/erase-subject.ts';
import { consentRecords } from '../../privacy/consent/schema.ts';
import { customers, sessions } from '../accounts/schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
useTestApp({ sms }, (built) => ({ app, database } = built));

async function childAwaitingGuardian() {
  const customer = await signedInCustomer(app, sms);
  expect((await customer.client.post('/api/site/account/age', { ageGroup: 'under_14' })).json()).toEqual({ standing: 'child_awaiting_guardian' });
  return customer;
}

describe('minors and guardians', () => {
  it('R-MIN-1 a holder of 14 or more answers once and uses the account; the answer cannot be changed to lift a restriction', async () => {
    const { client } = await signedInCustomer(app, sms);
    expect((await client.get('/api/site/account/age')).json().standing).toBe('unknown');
    expect((await client.post('/api/site/account/age', { ageGroup: 'at_least_14' })).json()).toEqual({ standing: 'at_least_14' });
    expect((await client.post('/api/site/account/age', { ageGroup: 'under_14' })).statusCode).toBe(409);
    expect((await client.put('/api/site/account/password', { password: 'Lantern-Orchard-2931!' })).statusCode).toBe(204);
  });

  it('R-MIN-1 under 14 the account can read but change nothing until a guardian verifies their own phone and consents explicitly', async () => {
    const { client, customerId, phone } = await childAwaitingGuardian();
    expect((await client.get('/api/site/session')).json().ageStanding).toBe('child_awaiting_guardian');
    const refused = await client.put('/api/site/account/password', { password: 'Lantern-Orchard-2931!' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('guardian_consent_required');
    expect((await client.get('/api/site/account')).statusCode).toBe(200);

    expect((await client.post('/api/site/account/guardian/code', { guardianPhone: phone })).json().code).toBe('guardian_phone_is_child');
    const guardian = buildPersonPi().phone;
    expect((await client.post('/api/site/account/guardian/code', { guardianPhone: guardian })).statusCode).toBe(200);
    const { version } = (await client.get('/api/site/account/age')).json().guardianConsent;
    const consent = { guardianPhone: guardian, code: sms.latestCode(`+86${guardian}`), relationship: 'mother', version };
    expect((await client.post('/api/site/account/guardian/consent', { ...consent, agreed: false })).statusCode).toBe(400);
    expect((await client.post('/api/site/account/guardian/consent', { ...consent, code: '000000' === consent.code ? '111111' : '000000', agreed: true })).json().code).toBe('code_invalid');
    expect((await client.post('/api/site/account/guardian/consent', { ...consent, agreed: true })).statusCode).toBe(204);

    expect((await client.get('/api/site/account/age')).json().standing).toBe('child_with_guardian');
    expect((await client.put('/api/site/account/password', { password: 'Lantern-Orchard-2931!' })).statusCode).toBe(204);
    const [record] = await database.db.select().from(consentRecords).where(sql`subject_id = ${customerId} and matter = 'purpose:minor_guardian'`);
    expect(record).toMatchObject({ action: 'accepted', actedBy: 'guardian', version });
    const dump = await dumpDatabase(database);
    expect(dump).not.toContain(guardian);
    expect(dump).not.toContain('under_14');
    expect(dump).not.toContain('mother');

    expect((await client.post('/api/site/account/guardian/withdraw')).statusCode).toBe(204);
    expect((await client.put('/api/site/account/password', { password: 'Lantern-Orchard-2931!' })).json().code).toBe('guardian_consent_required');
  });

  it('R-MIN-1 an ID number showing a child under 14 is not stored without a guardian, and makes the account a child’s', async () => {
    const { client } = await signedInCustomer(app, sms);
    await client.post('/api/site/account/age', { ageGroup: 'at_least_14' });
    const birth = new Date(Date.now() - 10 * 365.25 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `110105${birth}013`;
    const number = first17 + residentIdCheckCharacter(first17);
    const version = (await client.get('/api/site/account/profile')).json().sensitivePiConsent.notice.version as number;
    const refused = await client.post('/api/site/account/profile', { gender: 'male', idDocument: { type: 'resident_id', number }, sensitivePiConsent: { version } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('guardian_consent_required');
    expect((await client.get('/api/site/account/profile')).json().profile?.idDocument ?? null).toBeNull();
    expect((await client.get('/api/site/account/age')).json().standing).toBe('child_awaiting_guardian');
  });

  it('R-MIN-2 the officer erases a child’s data collected without a guardian’s consent, with a reason; holds keep what they cover', async () => {
    const { customerId } = await childAwaitingGuardian();
    const { client: officer } = await signedInStaff(app, database.db, ['compliance_officer']);
    const noReason = await officer.post('/api/console/minors/erase', { customerId, reason: '' });
    expect(noReason.json().code).toBe('reason_required');
    const erased = await officer.post('/api/console/minors/erase', { customerId, reason: '核实为未经监护人同意注册的儿童账户' });
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ accountAnonymised: true, held: 0 });
    const [account] = await database.db.select().from(customers).where(sql`id = ${customerId}`);
    expect(account).toMatchObject({ status: 'anonymised', phoneEnc: null });
    expect(await database.db.$count(sessions, sql`subject_id = ${customerId}`)).toBe(0);
    expect(await database.db.$count(consentRecords, sql`subject_id = ${customerId}`)).toBe(0);

    const adult = await signedInCustomer(app, sms);
    await adult.client.post('/api/site/account/age', { ageGroup: 'at_least_14' });
    expect((await officer.post('/api/console/minors/erase', { customerId: adult.customerId, reason: '误操作测试：成年人不应被删除' })).statusCode).toBe(409);
    const { client: service } = await signedInStaff(app, database.db, ['customer_service']);
    expect((await service.post('/api/console/minors/erase', { customerId: adult.customerId, reason: '客服尝试删除' })).statusCode).toBe(403);
  });

  it('R-MIN-2 a legal hold on the child keeps the account and the rows it covers through an erasure', async () => {
    const { customerId } = await childAwaitingGuardian();
    const { client: officer } = await signedInStaff(app, database.db, ['compliance_officer']);
    const hold = { subjectId: customerId, kind: 'dispute', reference: '京仲案字 2026-0533', reason: '仲裁案件需要保留账户资料' };
    expect((await officer.post('/api/console/retention/holds', hold)).statusCode).toBe(201);
    const erased = await officer.post('/api/console/minors/erase', { customerId, reason: '核实为未经监护人同意注册的儿童账户' });
    expect(erased.json()).toMatchObject({ accountAnonymised: false });
    expect(erased.json().held).toBeGreaterThan(0);
    const [account] = await database.db.select().from(customers).where(sql`id = ${customerId}`);
    expect(account?.status).toBe('active');
    expect(account?.phoneEnc).not.toBeNull();
  });

  it('R-MIN-2 every table holding a customer id is either erased with the person or kept for a stated legal reason', () => {
    const covered = new Set([...erasureTargets.map((target) => target.table), ...Object.keys(keptOnErasure)]);
    const holding = [...columnCatalogue]
      .filter(([, columns]) => [...columns].some(([, c]) => c.kind === 'personal' && c.category === 'identity.internal_id'))
      .map(([table]) => table)
      .filter((table) => !['staff_members', 'staff_totp', 'staff_sessions'].includes(table));
    expect(holding.filter((table) => !covered.has(table))).toEqual([]);
    const missingColumns = erasureTargets.flatMap((target) => [target.keyColumn, target.subjectColumn].filter((column) => !columnCatalogue.get(target.table)?.has(column)).map((column) => `${target.table}.${column}`));
    expect(missingColumns).toEqual([]);
  });
});
