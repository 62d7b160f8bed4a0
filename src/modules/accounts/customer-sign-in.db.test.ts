import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { buildTestApp, type CapturedLog } from '../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { customers, smsChallenges } from './schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
let log: CapturedLog;
const sms = new CapturingSms();
let nextIp = 1;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, log } = await buildTestApp({ database, sms }));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** A new browser from its own address, so per-IP limits of one test do not touch another. */
async function browser(): Promise<TestClient> {
  nextIp += 1;
  return new TestClient(app, `198.51.100.${nextIp}`).start();
}

function e164(phone: string): string {
  return `+86${phone}`;
}

async function signIn(client: TestClient, phone: string) {
  expect((await client.post('/api/site/auth/code', { phone })).statusCode).toBe(200);
  return client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(e164(phone)) });
}

/** Moves the phone's last code out of the 60 s cooldown, as if a minute had passed. */
async function afterCooldown(): Promise<void> {
  await database.db.update(smsChallenges).set({ createdAt: sql`${smsChallenges.createdAt} - interval '2 minutes'` });
}

describe('customer sign-in by SMS code', () => {
  it('R-ACC-1 registers on the first code, signs in on the next, with the phone stored only encrypted', async () => {
    const { phone } = buildPersonPi();
    const first = await signIn(await browser(), phone);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ isNewAccount: true, customerId: expect.stringMatching(/^cus_/) });
    await afterCooldown();
    const again = await signIn(await browser(), phone);
    expect(again.json()).toMatchObject({ isNewAccount: false, customerId: first.json().customerId });
    const stored = JSON.stringify(await database.db.select().from(customers).where(eq(customers.id, first.json().customerId)));
    expect(stored).not.toContain(phone);
    const challenges = JSON.stringify(await database.db.select().from(smsChallenges));
    expect(challenges).not.toContain(sms.latestCode(e164(phone)));
  });

  it('R-ACC-1 accepts the number as people type it: spaces, dashes, +86', async () => {
    const { phone } = buildPersonPi();
    const client = await browser();
    expect((await client.post('/api/site/auth/code', { phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` })).statusCode).toBe(200);
    expect((await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(e164(phone)) })).statusCode).toBe(200);
  });

  it('R-ACC-1 refuses numbers that are not mainland mobiles, in the person language, without echoing them', async () => {
    const client = (await browser()).speaks('en');
    for (const phone of ['12345', '010-12345678', '+1 415 555 2671', '19999999999x']) {
      const response = await client.post('/api/site/auth/code', { phone });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: expect.stringMatching(/invalid_phone|validation_failed/) });
      expect(response.body).not.toContain(phone);
    }
    expect((await client.speaks('zh-CN').post('/api/site/auth/code', { phone: '12345' })).json().title).toBe('手机号码无效');
  });

  it('R-ACC-1 a code works once', async () => {
    const { phone } = buildPersonPi();
    const client = await browser();
    await signIn(client, phone);
    const reused = await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(e164(phone)) });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('code_expired');
  });

  it('R-ACC-1 a code expires after 5 minutes', async () => {
    const { phone } = buildPersonPi();
    const client = await browser();
    await client.post('/api/site/auth/code', { phone });
    await database.db.update(smsChallenges).set({ expiresAt: sql`now() - interval '1 second'` });
    const late = await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(e164(phone)) });
    expect(late.json().code).toBe('code_expired');
  });

  it('R-ACC-1 a new code can be asked for only after 60 seconds', async () => {
    const { phone } = buildPersonPi();
    const client = (await browser()).speaks('en');
    const first = await client.post('/api/site/auth/code', { phone });
    expect(first.json()).toMatchObject({ expiresInSeconds: 300, resendAfterSeconds: 60 });
    const second = await client.post('/api/site/auth/code', { phone });
    expect(second.statusCode).toBe(429);
    expect(second.json()).toMatchObject({ code: 'sms_cooldown' });
    expect(second.json().detail).toMatch(/in (59|60) seconds/);
    expect(Number(second.headers['retry-after'])).toBeGreaterThanOrEqual(59);
  });

  it('R-ACC-1 at most 5 codes per number per hour', async () => {
    const { phone } = buildPersonPi();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await (await browser()).post('/api/site/auth/code', { phone })).statusCode);
      await afterCooldown();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await (await browser()).post('/api/site/auth/code', { phone });
    expect(refused.json().code).toBe('sms_limit_phone');
  });

  it('R-ACC-1 at most 20 codes per IP address per hour, across numbers', async () => {
    const client = await browser();
    const codes: string[] = [];
    for (let i = 0; i < 21; i += 1) codes.push((await client.post('/api/site/auth/code', { phone: buildPersonPi().phone })).json().code ?? 'ok');
    expect(codes.slice(0, 20).every((code) => code === 'ok')).toBe(true);
    expect(codes[20]).toBe('sms_limit_ip');
  });

  it('R-ACC-1 five wrong codes lock the number for 15 minutes, with a clear message, even for the right code', async () => {
    const { phone } = buildPersonPi();
    const client = (await browser()).speaks('en');
    await client.post('/api/site/auth/code', { phone });
    const right = sms.latestCode(e164(phone));
    const wrong = right === '000000' ? '111111' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await client.post('/api/site/auth/sign-in', { phone, code: wrong })).json());
    expect(answers.slice(0, 4).map((a) => a.code)).toEqual(['code_invalid', 'code_invalid', 'code_invalid', 'code_invalid']);
    expect(answers[0].detail).toContain('4 more tries');
    expect(answers[4]).toMatchObject({ code: 'sign_in_locked', detail: expect.stringContaining('15 minutes') });
    expect((await client.post('/api/site/auth/sign-in', { phone, code: right })).json().code).toBe('sign_in_locked');
    await afterCooldown();
    expect((await client.post('/api/site/auth/code', { phone })).json().code).toBe('sign_in_locked');
  });

  it('R-ACC-1 parallel code requests for one number send exactly one code (limits hold under concurrency)', async () => {
    const { phone } = buildPersonPi();
    const clients = await Promise.all([1, 2, 3, 4, 5].map(() => browser()));
    const responses = await Promise.all(clients.map((client) => client.post('/api/site/auth/code', { phone })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 429, 429, 429, 429]);
    expect(sms.sent.filter((m) => m.to === e164(phone))).toHaveLength(1);
  });

  it('R-ACC-1 limits hold across server processes: a second app on the same database sees the first one’s code', async () => {
    const { app: otherProcess } = await buildTestApp({ database, sms, keyring: app.services.keyring });
    try {
      const { phone } = buildPersonPi();
      expect((await (await browser()).post('/api/site/auth/code', { phone })).statusCode).toBe(200);
      const elsewhere = await new TestClient(otherProcess, '198.51.100.250').start();
      expect((await elsewhere.post('/api/site/auth/code', { phone })).json().code).toBe('sms_cooldown');
      const signedIn = await elsewhere.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(e164(phone)) });
      expect(signedIn.statusCode).toBe(200);
    } finally {
      await otherProcess.close();
    }
  });

  it('R-ACC-1 when the SMS provider fails, the person hears so and can ask again at once', async () => {
    const { phone } = buildPersonPi();
    const client = await browser();
    sms.isFailing = true;
    const failed = await client.post('/api/site/auth/code', { phone });
    sms.isFailing = false;
    expect(failed.statusCode).toBe(502);
    expect(failed.json().code).toBe('sms_failed');
    expect((await client.post('/api/site/auth/code', { phone })).statusCode).toBe(200);
  });

  it('codes and phone numbers never reach the log', async () => {
    const { phone } = buildPersonPi();
    await signIn(await browser(), phone);
    expect(log.text()).not.toContain(phone);
    expect(log.text()).not.toContain(sms.latestCode(e164(phone)));
  });
});

describe('CSRF protection', () => {
  it('R-SEC-1 refuses a state-changing request without the token, or from another site', async () => {
    const client = await browser();
    const { phone } = buildPersonPi();
    const bare = await client.post('/api/site/auth/code', { phone }, { withCsrf: false });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().code).toBe('csrf_failed');
    const crossSite = await client.post('/api/site/auth/code', { phone }, { headers: { origin: 'https://evil.example' } });
    expect(crossSite.json().code).toBe('csrf_failed');
    expect(sms.sent.some((m) => m.to === e164(phone))).toBe(false);
  });

  it('R-SEC-1 rotates the token at sign-in', async () => {
    const client = await browser();
    const before = client.cookies.get('bt_csrf')?.value;
    await signIn(client, buildPersonPi().phone);
    expect(client.cookies.get('bt_csrf')?.value).not.toBe(before);
  });
});
