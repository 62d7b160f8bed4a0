import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { buildTestApp, useTestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';
import { customers, sessions } from './schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
let nextIp = 1;

useTestApp({ sms }, (built) => ({ app, database } = built));

async function signedIn(phone = buildPersonPi().phone, userAgent?: string): Promise<TestClient> {
  nextIp += 1;
  const client = await new TestClient(app, `203.0.113.${nextIp}`).start();
  await database.db.execute(sql`update sms_challenges set created_at = created_at - interval '2 minutes'`);
  await client.post('/api/site/auth/code', { phone });
  const code = sms.latestCode(`+86${phone}`);
  const response = await client.request({ method: 'POST', url: '/api/site/auth/sign-in', payload: { phone, code }, headers: userAgent ? { 'user-agent': userAgent } : {} });
  expect(response.statusCode).toBe(200);
  return client;
}

describe('customer sessions', () => {
  it('R-ACC-5 the session cookie is httpOnly, SameSite=Lax, and holds a token stored only as a hash', async () => {
    const client = await signedIn();
    const token = client.cookies.get('bt_sid')?.value as string;
    const response = await client.get('/api/site/session');
    expect(response.json().actor.type).toBe('customer');
    const rows = JSON.stringify(await database.db.select().from(sessions));
    expect(rows).not.toContain(token);
    const fresh = await new TestClient(app).start();
    await database.db.execute(sql`update sms_challenges set created_at = created_at - interval '2 minutes'`);
    const phone = buildPersonPi().phone;
    await fresh.post('/api/site/auth/code', { phone });
    const signIn = await fresh.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
    const cookie = String(signIn.headers['set-cookie']).split(/,(?=\s*bt_)/).find((c) => c.trim().startsWith('bt_sid=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('R-SEC-1 R-ACC-5 with an https public address the session and CSRF cookies are Secure', async () => {
    const { app: httpsApp } = await buildTestApp({ database, sms, keyring: app.services.keyring, env: { PUBLIC_URL: 'https://www.example.cn', SMS_PROVIDER: 'outbox' } });
    try {
      const client = await new TestClient(httpsApp, '192.0.2.240').start();
      const phone = buildPersonPi().phone;
      await client.post('/api/site/auth/code', { phone });
      const signIn = await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
      const cookies = [signIn.headers['set-cookie']].flat().map(String);
      expect(cookies.find((c) => c.startsWith('bt_sid='))).toMatch(/;\s*Secure/i);
      expect(cookies.find((c) => c.startsWith('bt_csrf='))).toMatch(/;\s*Secure/i);
      expect(String(signIn.headers['strict-transport-security'])).toContain('max-age=');
    } finally {
      await httpsApp.close();
    }
  });

  it('R-ACC-5 lists active sessions with device and network, and signs out one of them', async () => {
    const phone = buildPersonPi().phone;
    const laptop = await signedIn(phone, 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36');
    const phoneBrowser = await signedIn(phone, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1');
    const list = (await laptop.get('/api/site/account/sessions')).json();
    expect(list).toHaveLength(2);
    expect(list.map((s: { device: string }) => s.device).sort()).toEqual(['Chrome · macOS', 'Safari · iOS']);
    expect(list.find((s: { isCurrent: boolean }) => s.isCurrent).device).toBe('Chrome · macOS');
    expect(list[0].network).toMatch(/^203\.0\.113\.0\/24$/);
    const other = list.find((s: { isCurrent: boolean }) => !s.isCurrent);
    expect((await laptop.post(`/api/site/account/sessions/${other.id}/revoke`)).statusCode).toBe(204);
    expect((await phoneBrowser.get('/api/site/account')).statusCode).toBe(401);
    expect((await laptop.get('/api/site/account')).statusCode).toBe(200);
  });

  it('R-ACC-5 signs out everywhere at once', async () => {
    const phone = buildPersonPi().phone;
    const first = await signedIn(phone);
    const second = await signedIn(phone);
    const response = await first.post('/api/site/account/sign-out-everywhere');
    expect(response.json().revoked).toBe(2);
    expect((await first.get('/api/site/account')).statusCode).toBe(401);
    expect((await second.get('/api/site/account')).statusCode).toBe(401);
  });

  it('R-ACC-5 sign-out ends the session on the server, not just the cookie', async () => {
    const client = await signedIn();
    const token = client.cookies.get('bt_sid')?.value as string;
    await client.post('/api/site/auth/sign-out');
    const replayed = await app.inject({ url: '/api/site/account', headers: { cookie: `bt_sid=${token}` } });
    expect(replayed.statusCode).toBe(401);
  });

  it('R-ACC-5 an idle session expires after 30 days', async () => {
    const client = await signedIn();
    await database.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` });
    expect((await client.get('/api/site/session')).json().actor.type).toBe('anonymous');
  });

  it('R-ACC-2 a guest gets a session without an account; signing in replaces it (no session fixation)', async () => {
    const client = await new TestClient(app, '192.0.2.77').start();
    const guest = await client.post('/api/site/auth/guest');
    expect(guest.json().guestId).toMatch(/^gst_/);
    expect((await client.get('/api/site/session')).json().actor).toEqual({ type: 'guest', id: guest.json().guestId });
    const guestToken = client.cookies.get('bt_sid')?.value as string;
    const phone = buildPersonPi().phone;
    await client.post('/api/site/auth/code', { phone });
    await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
    expect(client.cookies.get('bt_sid')?.value).not.toBe(guestToken);
    const withOldToken = await app.inject({ url: '/api/site/session', headers: { cookie: `bt_sid=${guestToken}` } });
    expect(withOldToken.json().actor.type).toBe('anonymous');
  });
});

describe('optional password', () => {
  it('R-ACC-3 refuses weak passwords with advice and stores strong ones as argon2id hashes', async () => {
    const phone = buildPersonPi().phone;
    const client = (await signedIn(phone)).speaks('en');
    for (const weak of ['12345678', 'password', 'abcdefgh', `Ab${phone}`, 'short1']) {
      const refused = await client.put('/api/site/account/password', { password: weak });
      expect(refused.statusCode, weak).toBe(400);
      expect(refused.json().code).toBe('password_weak');
    }
    expect((await client.put('/api/site/account/password', { password: 'Lantern-river-42' })).statusCode).toBe(204);
    expect((await client.get('/api/site/account')).json()).toMatchObject({ hasPassword: true, phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    const [row] = await database.db.select({ hash: customers.passwordHash }).from(customers).where(sql`password_hash is not null`).limit(1);
    expect(row?.hash).toMatch(/^\$argon2id\$/);
  });

  it('R-ACC-3 signs in with phone and password; five wrong passwords lock the number', async () => {
    const phone = buildPersonPi().phone;
    const owner = await signedIn(phone);
    await owner.put('/api/site/account/password', { password: 'Lantern-river-42' });
    const client = (await new TestClient(app, '192.0.2.88').start()).speaks('en');
    expect((await client.post('/api/site/auth/password-sign-in', { phone, password: 'Lantern-river-42' })).statusCode).toBe(200);
    const stranger = (await new TestClient(app, '192.0.2.89').start()).speaks('en');
    const codes = [];
    for (let i = 0; i < 5; i += 1) codes.push((await stranger.post('/api/site/auth/password-sign-in', { phone, password: `wrong-${i}` })).json().code);
    expect(codes).toEqual(['credentials_invalid', 'credentials_invalid', 'credentials_invalid', 'credentials_invalid', 'sign_in_locked']);
    expect((await stranger.post('/api/site/auth/password-sign-in', { phone, password: 'Lantern-river-42' })).json().code).toBe('sign_in_locked');
  });

  it('R-ACC-3 an unknown number answers exactly like a wrong password', async () => {
    const client = (await new TestClient(app, '192.0.2.90').start()).speaks('en');
    const response = await client.post('/api/site/auth/password-sign-in', { phone: buildPersonPi().phone, password: 'Lantern-river-42' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('credentials_invalid');
  });
});
