import { and, desc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../../test/support/capturing-sms.ts';
import { buildPersonPi } from '../../../../test/support/factories/person.ts';
import { TestClient } from '../../../../test/support/http-client.ts';
import { useTestApp } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { auditLog } from '../../../privacy/audit/schema.ts';
import { CONSENT_COOKIE, parseConsentCookie } from '../../../privacy/consent/cookies/consent-cookie.ts';
import { cookieConsentText } from '../../../privacy/consent/cookies/consent-text.ts';
import { hashConsentText } from '../../../privacy/consent/record-consent.ts';
import { consentRecords, consentState } from '../../../privacy/consent/schema.ts';
import { effectiveVersion } from '../../../privacy/notices/effective-version.ts';
import { documentVersions } from '../../../privacy/notices/schema.ts';
import { newId } from '../../../shared/ids.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
let nextIp = 10;

useTestApp({ sms }, (built) => ({ app, database } = built));

const rejectAll = { preferences: false, analytics: false, marketing: false };
const URL_ = '/api/site/cookie-consent';

async function visitor(): Promise<TestClient> {
  nextIp += 1;
  return new TestClient(app, `198.51.100.${nextIp}`).start();
}

function setCookies(response: LightMyRequestResponse): string[] {
  return [response.headers['set-cookie'] ?? []].flat().map(String);
}

function visitorIdOf(client: TestClient): string {
  const cookie = parseConsentCookie(client.cookies.get(CONSENT_COOKIE)?.value);
  if (!cookie) throw new Error('no consent cookie');
  return cookie.visitorId;
}

async function recordsOf(subjectId: string) {
  return database.db.select().from(consentRecords).where(eq(consentRecords.subjectId, subjectId)).orderBy(consentRecords.at, consentRecords.matter);
}

async function policyVersionNow(): Promise<number | null> {
  return (await effectiveVersion(database.db, 'cookie_policy'))?.version ?? null;
}

/** Publishes the next cookie-policy version, in effect from `effectiveAt` (another part of the system seeds and publishes the real ones). */
async function publishCookiePolicy(effectiveAt: Date): Promise<number> {
  const [latest] = await database.db.select({ version: documentVersions.version }).from(documentVersions).where(eq(documentVersions.document, 'cookie_policy')).orderBy(desc(documentVersions.version)).limit(1);
  const version = (latest?.version ?? 0) + 1;
  await database.db.insert(documentVersions).values({
    id: newId('doc'),
    document: 'cookie_policy',
    version,
    status: 'published',
    titleZh: 'Cookie 政策',
    titleEn: 'Cookie policy',
    bodyZh: `第 ${version} 版`,
    bodyEn: `Version ${version}`,
    summaryZh: '测试',
    summaryEn: 'test',
    textHash: hashConsentText(`cookie policy ${version}`),
    publishedAt: new Date(),
    effectiveAt,
    createdBy: 'stf_test',
  });
  return version;
}

describe('cookie consent API', () => {
  it('R-USE-3 a first visit has no choice and is asked; nothing is stored until the person answers', async () => {
    const client = await visitor();
    const response = await client.get(URL_);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ policyVersion: await policyVersionNow(), needsDecision: true, choice: null });
    expect(setCookies(response)).toEqual([]);
    expect(client.cookies.has(CONSENT_COOKIE)).toBe(false);
  });

  it('R-USE-3 rejecting all records three declines with the policy version and the hash of the banner text, audited, in a necessary cookie', async () => {
    const client = await visitor();
    const response = await client.post(URL_, { choice: rejectAll, language: 'zh-CN', surface: 'banner' });
    expect(response.statusCode).toBe(200);
    const version = await policyVersionNow();
    expect(response.json()).toEqual({ policyVersion: version, needsDecision: false, choice: rejectAll });

    const consentCookie = setCookies(response).find((cookie) => cookie.startsWith(`${CONSENT_COOKIE}=`)) ?? '';
    expect(consentCookie).toMatch(/Max-Age=15552000/);
    expect(consentCookie).toMatch(/SameSite=Lax/i);
    expect(consentCookie).toMatch(/Path=\//);
    expect(consentCookie).not.toMatch(/HttpOnly/i);
    const visitorId = visitorIdOf(client);
    expect(visitorId).toMatch(/^vis_[0-9a-z]{26}$/);
    expect(parseConsentCookie(client.cookies.get(CONSENT_COOKIE)?.value)).toEqual({ visitorId, policyVersion: version ?? 0, choice: rejectAll });

    const records = await recordsOf(visitorId);
    expect(records.map((record) => [record.matter, record.action]).sort()).toEqual([
      ['purpose:cookies_analytics', 'declined'],
      ['purpose:cookies_marketing', 'declined'],
      ['purpose:cookies_preferences', 'declined'],
    ]);
    for (const record of records) {
      expect(record).toMatchObject({ subjectType: 'visitor', version, channel: 'web', textHash: hashConsentText(cookieConsentText('zh-CN', 'banner')), ip: '198.51.100.' + String(nextIp) });
    }
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, visitorId));
    expect(audited.map((entry) => entry.record).sort()).toEqual(records.map((record) => `consent_records/${record.id}`).sort());
    expect(audited.every((entry) => entry.action === 'create' && entry.purpose === 'legal_obligation' && entry.actorType === 'anonymous')).toBe(true);

    expect((await client.get(URL_)).json()).toEqual({ policyVersion: version, needsDecision: false, choice: rejectAll });
  });

  it('R-USE-3 changing the choice in the settings keeps the visitor id; withdrawing records a withdrawal with the settings text in English', async () => {
    const client = await visitor().then((c) => c.speaks('en'));
    await client.post(URL_, { choice: { preferences: false, analytics: true, marketing: false }, language: 'en', surface: 'settings' });
    const visitorId = visitorIdOf(client);
    const withdrawn = await client.post(URL_, { choice: rejectAll, language: 'en', surface: 'settings' });
    expect(withdrawn.json().choice).toEqual(rejectAll);
    expect(visitorIdOf(client)).toBe(visitorId);
    const records = await recordsOf(visitorId);
    expect(records.filter((record) => record.matter === 'purpose:cookies_analytics').map((record) => record.action)).toEqual(['accepted', 'withdrawn']);
    expect(records.filter((record) => record.matter === 'purpose:cookies_marketing').map((record) => record.action)).toEqual(['declined', 'declined']);
    expect(new Set(records.map((record) => record.textHash))).toEqual(new Set([hashConsentText(cookieConsentText('en', 'settings'))]));
    const [state] = await database.db.select().from(consentState).where(and(eq(consentState.subjectId, visitorId), eq(consentState.matter, 'purpose:cookies_analytics')));
    expect(state?.granted).toBe(false);
  });

  it('R-USE-3 declining deletes what it refuses: unlisted cookies go, the language is kept only for the session, necessary ones stay', async () => {
    const client = await visitor();
    client.cookies.set('bt_lang', { value: 'en', path: '/' });
    client.cookies.set('_ga', { value: 'GA1.1.123', path: '/' });
    const response = await client.post(URL_, { choice: rejectAll, language: 'zh-CN', surface: 'banner' });
    const cookies = setCookies(response);
    expect(cookies.find((cookie) => cookie.startsWith('_ga='))).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
    const language = cookies.find((cookie) => cookie.startsWith('bt_lang=')) ?? '';
    expect(language).toMatch(/^bt_lang=en;/);
    expect(language).not.toMatch(/Max-Age|Expires/i);
    expect(cookies.some((cookie) => cookie.startsWith('bt_csrf=') || cookie.startsWith('bt_sid='))).toBe(false);
    expect(client.cookies.has('_ga')).toBe(false);

    const accepted = await client.post(URL_, { choice: { preferences: true, analytics: false, marketing: false }, language: 'zh-CN', surface: 'settings' });
    expect(setCookies(accepted).some((cookie) => cookie.startsWith('bt_lang='))).toBe(false);
  });

  it('R-USE-3 a signed-in customer’s choice is recorded for the customer', async () => {
    const client = await visitor();
    await database.db.execute(sql`update sms_challenges set created_at = created_at - interval '2 minutes'`);
    const phone = buildPersonPi().phone;
    const requested = await client.post('/api/site/auth/code', { phone });
    expect(requested.statusCode, requested.body).toBe(200);
    const signIn = await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
    const customerId = signIn.json().customerId;
    expect(customerId).toMatch(/^cus_/);
    await client.post(URL_, { choice: { preferences: true, analytics: false, marketing: false }, language: 'zh-CN', surface: 'settings' });
    const records = await recordsOf(customerId);
    expect(records.map((record) => [record.subjectType, record.matter, record.action]).sort()).toEqual([
      ['customer', 'purpose:cookies_analytics', 'declined'],
      ['customer', 'purpose:cookies_marketing', 'declined'],
      ['customer', 'purpose:cookies_preferences', 'accepted'],
    ]);
    expect(await recordsOf(visitorIdOf(client))).toEqual([]);
  });

  it('R-USE-3 a newer cookie-policy version in effect asks again (a scheduled one does not), and the answer is recorded under it', async () => {
    const client = await visitor();
    await client.post(URL_, { choice: { preferences: true, analytics: true, marketing: true }, language: 'zh-CN', surface: 'banner' });
    expect((await client.get(URL_)).json().needsDecision).toBe(false);

    await publishCookiePolicy(new Date(Date.now() + 86_400_000));
    expect((await client.get(URL_)).json().needsDecision).toBe(false);
    const newer = await publishCookiePolicy(new Date(Date.now() - 1000));

    expect((await client.get(URL_)).json()).toEqual({ policyVersion: newer, needsDecision: true, choice: null });
    const answer = await client.post(URL_, { choice: rejectAll, language: 'zh-CN', surface: 'banner' });
    expect(answer.json()).toEqual({ policyVersion: newer, needsDecision: false, choice: rejectAll });
    expect(parseConsentCookie(client.cookies.get(CONSENT_COOKIE)?.value)?.policyVersion).toBe(newer);
    const latest = (await recordsOf(visitorIdOf(client))).filter((record) => record.version === newer);
    expect(latest.map((record) => record.action).sort()).toEqual(['withdrawn', 'withdrawn', 'withdrawn']);
  });

  it('R-USE-3 R-SEC-1 a decision needs the CSRF token and a well-formed choice', async () => {
    const client = await visitor();
    expect((await client.post(URL_, { choice: rejectAll, language: 'zh-CN', surface: 'banner' }, { withCsrf: false })).statusCode).toBe(403);
    expect((await client.post(URL_, { choice: { preferences: false }, language: 'zh-CN', surface: 'banner' })).statusCode).toBe(400);
    expect((await client.post(URL_, { choice: rejectAll, language: 'fr', surface: 'banner' })).statusCode).toBe(400);
    expect(client.cookies.has(CONSENT_COOKIE)).toBe(false);
  });

  it('R-USE-3 a forged or malformed consent cookie counts as no decision and gets a fresh visitor id', async () => {
    const client = await visitor();
    client.cookies.set(CONSENT_COOKIE, { value: 'c1.cus_01234567890123456789012345.0.111', path: '/' });
    expect((await client.get(URL_)).json().needsDecision).toBe(true);
    await client.post(URL_, { choice: rejectAll, language: 'zh-CN', surface: 'banner' });
    expect(visitorIdOf(client)).toMatch(/^vis_/);
  });
});
