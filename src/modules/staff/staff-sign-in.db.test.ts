import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { generateSync } from 'otplib';
import { newStaff as createStaff, signInStaff, type StaffCredentials } from '../../../test/support/staff-session.ts';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { useTestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';
import { sessions } from '../accounts/schema.ts';
import type { StaffRole } from './roles.ts';
import { staffMembers } from './schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
let counter = 0;

useTestApp({ sms }, (built) => ({ app, database } = built));

const newStaff = (roles: StaffRole[]) => createStaff(database.db, roles);
async function signedInStaff(roles: StaffRole[], existing?: StaffCredentials) {
  counter += 1;
  return signInStaff(app, existing ?? (await newStaff(roles)));
}

describe('staff sign-in with a second factor', () => {
  it('R-SEC-8 first sign-in enrols an authenticator app from a QR code; the secret is stored encrypted', async () => {
    const staff = await newStaff(['customer_service']);
    const client = await new TestClient(app).start();
    const first = await client.post('/api/console/auth/password', { username: staff.username, password: staff.password });
    expect(first.json()).toMatchObject({ step: 'enroll', otpauthUri: expect.stringContaining('otpauth://totp/Besttrav:'), qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
    const wrong = await client.post('/api/console/auth/totp', { stepToken: first.json().stepToken, code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('totp_invalid');
    const right = await client.post('/api/console/auth/totp', { stepToken: first.json().stepToken, code: generateSync({ secret: first.json().secret }) });
    expect(right.statusCode).toBe(200);
    const [row] = await database.db.select().from(staffMembers).where(eq(staffMembers.id, staff.id));
    expect(row?.totpEnrolledAt).toBeInstanceOf(Date);
    expect(row?.totpSecretEnc).not.toContain(first.json().secret);
    const me = (await client.get('/api/console/session')).json();
    expect(me.staff).toMatchObject({ username: staff.username, roles: ['customer_service'], permissions: ['system.status.read', 'customers.lookup', 'customers.unmask', 'orders.read', 'orders.unmask'] });
  });

  it('R-SEC-8 later sign-ins ask for the code, and a code is accepted only once', async () => {
    const { staff } = await signedInStaff(['auditor']);
    const client = await new TestClient(app).start();
    const first = (await client.post('/api/console/auth/password', { username: staff.username, password: staff.password })).json();
    expect(first).toEqual({ step: 'totp', stepToken: expect.any(String) });
    // The enrolment already used the current time step's code.
    const replay = await client.post('/api/console/auth/totp', { stepToken: first.stepToken, code: generateSync({ secret: staff.secret }) });
    expect(replay.json().code).toBe('totp_invalid');
  });

  it('R-SEC-8 a password without the second factor gives no session', async () => {
    const staff = await newStaff(['administrator']);
    const client = await new TestClient(app).start();
    await client.post('/api/console/auth/password', { username: staff.username, password: staff.password });
    expect(client.cookies.has('bt_staff')).toBe(false);
    expect((await client.get('/api/console/staff')).statusCode).toBe(401);
  });

  it('R-SEC-8 five wrong passwords lock the account; unknown usernames answer the same', async () => {
    const staff = await newStaff(['operations']);
    const client = (await new TestClient(app).start()).speaks('en');
    const codes = [];
    for (let i = 0; i < 5; i += 1) codes.push((await client.post('/api/console/auth/password', { username: staff.username, password: `Wrong-pass-${i}` })).json().code);
    expect(codes).toEqual(['credentials_invalid', 'credentials_invalid', 'credentials_invalid', 'credentials_invalid', 'sign_in_locked']);
    expect((await client.post('/api/console/auth/password', { username: staff.username, password: staff.password })).json().code).toBe('sign_in_locked');
    expect((await client.post('/api/console/auth/password', { username: 'nobody.here', password: 'x' })).json().code).toBe('credentials_invalid');
  });

  it('R-SEC-8 the staff cookie is only sent to the console API and ends after 15 idle minutes', async () => {
    const { client, staff } = await signedInStaff(['administrator']);
    expect(client.cookies.get('bt_staff')?.path).toBe('/api/console');
    expect((await client.get('/api/console/staff')).statusCode).toBe(200);
    await database.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(sessions.subjectId, staff.id as string));
    expect((await client.get('/api/console/staff')).statusCode).toBe(401);
  });
});

describe('console access', () => {
  it('R-PLAT-3 a customer session cannot reach any console API', async () => {
    const phone = buildPersonPi().phone;
    const customer = await new TestClient(app, '192.0.2.10').start();
    await customer.post('/api/site/auth/code', { phone });
    await customer.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
    const token = customer.cookies.get('bt_sid')?.value as string;
    for (const url of ['/api/console/staff', '/api/console/anything']) {
      const response = await app.inject({ url, headers: { cookie: `bt_sid=${token}; bt_staff=${token}` } });
      expect(response.statusCode, url).toBe(401);
    }
    expect((await app.inject({ url: '/api/console/session', headers: { cookie: `bt_staff=${token}` } })).json().staff).toBeNull();
  });

  it('R-SEC-3 staff without the administrator role are refused staff administration (403)', async () => {
    const { client } = await signedInStaff(['customer_service', 'claims_handler']);
    expect((await client.get('/api/console/staff')).statusCode).toBe(403);
    expect((await client.post('/api/console/staff', { username: 'new.one', displayName: '新人', roles: ['auditor'] })).statusCode).toBe(403);
  });

  it('R-PLAT-3 an administrator creates staff with roles, changes roles and disables an account (ending its sessions)', async () => {
    const { client: admin } = await signedInStaff(['administrator']);
    const created = await admin.post('/api/console/staff', { username: `claims.${counter}`, displayName: '理赔员', roles: ['claims_handler'] });
    expect(created.statusCode).toBe(201);
    const { id, initialPassword } = created.json();
    expect(initialPassword).toMatch(/^.{16,}$/);
    const duplicate = await admin.post('/api/console/staff', { username: `claims.${counter}`, displayName: '理赔员', roles: ['claims_handler'] });
    expect(duplicate.json().code).toBe('username_taken');
    const { client: handler } = await signedInStaff([], { username: `claims.${counter}`, password: initialPassword, secret: '' });
    expect((await admin.put(`/api/console/staff/${id}/roles`, { roles: ['claims_handler', 'auditor'] })).statusCode).toBe(204);
    expect((await handler.get('/api/console/session')).json().staff.roles).toEqual(['claims_handler', 'auditor']);
    expect((await admin.post(`/api/console/staff/${id}/disable`)).statusCode).toBe(204);
    expect((await handler.get('/api/console/session')).json().staff).toBeNull();
    const list = (await admin.get('/api/console/staff')).json();
    expect(list.find((member: { id: string }) => member.id === id)).toMatchObject({ status: 'disabled', hasTotp: true });
  });

  it('R-SEC-3 an administrator cannot lock themselves out', async () => {
    const { client: admin, staff } = await signedInStaff(['administrator']);
    const me = (await admin.get('/api/console/session')).json().staff;
    expect((await admin.put(`/api/console/staff/${me.id}/roles`, { roles: ['auditor'] })).json().code).toBe('self_lockout');
    expect((await admin.post(`/api/console/staff/${me.id}/disable`)).json().code).toBe('self_lockout');
    expect(staff.username).toBeTruthy();
  });
});
