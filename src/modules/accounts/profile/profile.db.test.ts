import { execFileSync } from 'node:child_process';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../../test/support/capturing-sms.ts';
import { dumpDatabase } from '../../../../test/support/dump-database.ts';
import { buildPersonPi } from '../../../../test/support/factories/person.ts';
import { TestClient } from '../../../../test/support/http-client.ts';
import { useTestApp } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { systemCtx } from '../../../privacy/access/context.ts';
import { auditLog } from '../../../privacy/audit/schema.ts';
import { consentRecords, consentState } from '../../../privacy/consent/schema.ts';
import { blindIndex } from '../../../privacy/crypto/blind-index.ts';
import { ephemeralKeyring } from '../../../privacy/crypto/keyring.ts';
import { sweepRetention } from '../../../privacy/retention/sweep-retention.ts';
import { idDocumentLookupKey, residentIdCheckCharacter } from '../../../shared/identity-documents.ts';
import { customers, sessions } from '../schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { eraseIdDocument } from './erase-id-document.ts';
import { customerProfileChanges, customerProfiles } from './schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
const keyring = ephemeralKeyring();
useTestApp({ sms, keyring }, (built) => ({ app, database } = built));

let nextIp = 0;
const e164 = (phone: string) => `+86${phone}`;

/** A new browser from its own address, signed in as a new customer. */
async function signedIn(phone = buildPersonPi().phone): Promise<{ client: TestClient; customerId: string; phone: string }> {
  nextIp += 1;
  const client = await new TestClient(app, `203.0.113.${nextIp}`).start();
  expect((await client.post('/api/site/auth/code', { phone })).statusCode).toBe(200);
  const response = await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(e164(phone)) });
  expect(response.statusCode).toBe(200);
  return { client, customerId: response.json().customerId, phone };
}

/** A 居民身份证 number born on the given day with the given sex (17th digit odd: male). */
function residentId(birth: string, sex: 'male' | 'female'): string {
  const first17 = `110105${birth.replaceAll('-', '')}01${sex === 'male' ? '3' : '4'}`;
  return first17 + residentIdCheckCharacter(first17);
}

const consent = async (client: TestClient) => ({ version: (await client.get('/api/site/account/profile')).json().sensitivePiConsent.notice.version as number });
const auditOf = (customerId: string) => database.db.select().from(auditLog).where(eq(auditLog.subjectId, customerId));
const historyOf = (customerId: string) => database.db.select().from(customerProfileChanges).where(eq(customerProfileChanges.customerId, customerId));

describe('个人信息: view and edit (R-ACC-4)', () => {
  it('R-ACC-4 a new account has an empty profile, the phone masked and the sensitive-PI consent not given', async () => {
    const { client, phone } = await signedIn();
    const response = await client.get('/api/site/account/profile');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({
      name: null,
      gender: null,
      idDocument: null,
      email: null,
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      sensitivePiConsent: { granted: false, notice: { version: 1, text: expect.stringContaining('证件号码') } },
      changes: [],
    });
    expect((await new TestClient(app).start().then((anonymous) => anonymous.get('/api/site/account/profile'))).statusCode).toBe(401);
  });

  it('R-ACC-4 saves only the fields given, encrypted, with a history of field names and an audit entry', async () => {
    const { client, customerId } = await signedIn();
    const person = buildPersonPi();
    const saved = await client.post('/api/site/account/profile', { name: ` ${person.name} `, gender: 'female', email: person.email, address: person.address, company: '北京某科技有限公司' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().changedFields.sort()).toEqual(['address', 'company', 'email', 'gender', 'name']);
    expect(saved.json().profile).toMatchObject({ name: person.name, gender: 'female', email: person.email, address: person.address, otherInfo: null });

    // Only what is sent changes; null clears one field.
    const second = await client.post('/api/site/account/profile', { company: null, otherInfo: '常用出行目的地：东南亚' });
    expect(second.json().changedFields.sort()).toEqual(['company', 'otherInfo']);
    expect(second.json().profile).toMatchObject({ name: person.name, company: null, otherInfo: '常用出行目的地：东南亚' });
    // Sending what is already there changes nothing and records nothing.
    expect((await client.post('/api/site/account/profile', { name: person.name })).json().changedFields).toEqual([]);

    const [row] = await database.db.select().from(customerProfiles).where(eq(customerProfiles.id, customerId));
    const stored = JSON.stringify(row);
    for (const value of [person.name, person.email, person.address, '东南亚']) expect(stored).not.toContain(value);
    expect(row?.nameEnc).toMatch(/^f1\./);

    const history = await historyOf(customerId);
    expect(history.map((entry) => entry.fields.sort())).toEqual(expect.arrayContaining([['address', 'company', 'email', 'gender', 'name'], ['company', 'otherInfo']]));
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ actorType: 'customer', actorId: customerId, channel: 'web' });
    const listed = (await client.get('/api/site/account/profile')).json().changes;
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ fields: ['company', 'otherInfo'], by: 'self', channel: 'web' });
    const audits = (await auditOf(customerId)).filter((entry) => entry.action === 'update');
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits)).not.toContain(person.name);
  });

  it('R-ACC-4 refuses invalid fields one by one, in the person language, and stores nothing at all', async () => {
    const { client, customerId } = await signedIn();
    const badId = '110105194912310021';
    const refused = await client.speaks('en').post('/api/site/account/profile', {
      name: 'Li 4',
      email: 'not-an-address',
      company: '好'.repeat(101),
      address: '上海市浦东新区世纪大道 100 号',
      idDocument: { type: 'resident_id', number: badId },
      sensitivePiConsent: await consent(client),
    });
    expect(refused.statusCode).toBe(400);
    const problem = refused.json();
    expect(problem).toMatchObject({ code: 'profile_invalid', title: 'Some details need attention' });
    const byPointer = Object.fromEntries(problem.errors.map((error: { pointer: string; detail: string }) => [error.pointer, error.detail]));
    expect(Object.keys(byPointer).sort()).toEqual(['/body/company', '/body/email', '/body/idDocument/number', '/body/name']);
    expect(byPointer['/body/idDocument/number']).toContain('check digit');
    expect(byPointer['/body/company']).toContain('100');
    expect(refused.body).not.toContain(badId);
    expect(refused.body).not.toContain('not-an-address');

    const zh = await client.speaks('zh-CN').post('/api/site/account/profile', { idDocument: { type: 'passport', number: 'K12' } });
    expect(zh.json().errors).toEqual([{ pointer: '/body/idDocument/number', detail: expect.stringContaining('护照号码') }]);

    // The valid address of the refused request was not saved either; no history, no audit, no consent.
    expect(await database.db.$count(customerProfiles, eq(customerProfiles.id, customerId))).toBe(0);
    expect(await historyOf(customerId)).toEqual([]);
    expect((await auditOf(customerId)).filter((entry) => entry.action === 'update' || entry.action === 'create')).toEqual([]);
    expect(await database.db.$count(consentRecords, eq(consentRecords.subjectId, customerId))).toBe(0);
  });

  it('R-ACC-4 an ID number needs the separate sensitive_pi consent; other fields never do', async () => {
    const { client, customerId } = await signedIn();
    const number = residentId('1990-03-07', 'male');
    const withoutConsent = await client.post('/api/site/account/profile', { name: '王伟', idDocument: { type: 'resident_id', number } });
    expect(withoutConsent.statusCode).toBe(400);
    expect(withoutConsent.json()).toMatchObject({ code: 'sensitive_pi_consent_required', title: '需要您的单独同意' });
    expect(await database.db.$count(customerProfiles, eq(customerProfiles.id, customerId))).toBe(0);
    expect((await client.post('/api/site/account/profile', { name: '王伟' })).statusCode).toBe(200);

    // A box ticked under another wording is not consent to this one.
    expect((await client.post('/api/site/account/profile', { idDocument: { type: 'resident_id', number }, sensitivePiConsent: { version: 99 } })).statusCode).toBe(400);

    const saved = await client.post('/api/site/account/profile', { gender: 'male', idDocument: { type: 'resident_id', number: number.toLowerCase() }, sensitivePiConsent: await consent(client) });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().profile).toMatchObject({
      idDocument: { type: 'resident_id', issuingCountry: null, numberMasked: `${number.slice(0, 4)}**********${number.slice(-4)}` },
      sensitivePiConsent: { granted: true },
    });
    expect(saved.body).not.toContain(number);
    const [record] = await database.db.select().from(consentRecords).where(eq(consentRecords.subjectId, customerId));
    expect(record).toMatchObject({ matter: 'purpose:sensitive_pi', action: 'accepted', version: 1, channel: 'web' });
    expect(await database.db.$count(consentState, and(eq(consentState.subjectId, customerId), eq(consentState.granted, true)))).toBe(1);

    const [row] = await database.db.select().from(customerProfiles).where(eq(customerProfiles.id, customerId));
    expect(row?.idDocumentEnc).not.toContain(number);
    expect(row?.idNumberBidx).toBe(blindIndex(keyring, 'id_document', idDocumentLookupKey({ type: 'resident_id', number, issuingCountry: null })));

    // With the consent in force, a later change needs no new tick; removing the document clears its index.
    const passport = await client.post('/api/site/account/profile', { idDocument: { type: 'passport', number: 'EA1234567', issuingCountry: 'CN' } });
    expect(passport.json().profile.idDocument).toEqual({ type: 'passport', issuingCountry: 'CN', numberMasked: 'E*****567' });
    expect((await client.post('/api/site/account/profile', { idDocument: null })).json().profile.idDocument).toBeNull();
    const [cleared] = await database.db.select().from(customerProfiles).where(eq(customerProfiles.id, customerId));
    expect(cleared).toMatchObject({ idDocumentEnc: null, idNumberBidx: null });
  });

  it('R-ACC-4 the birth sex in a resident ID must agree with the gender given, now or saved', async () => {
    const { client } = await signedIn();
    const female = residentId('1985-11-20', 'female');
    const mismatch = await client.post('/api/site/account/profile', { gender: 'male', idDocument: { type: 'resident_id', number: female }, sensitivePiConsent: await consent(client) });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors).toEqual([{ pointer: '/body/idDocument/number', detail: expect.stringContaining('性别') }]);

    expect((await client.post('/api/site/account/profile', { gender: 'female', idDocument: { type: 'resident_id', number: female }, sensitivePiConsent: await consent(client) })).statusCode).toBe(200);
    const later = await client.post('/api/site/account/profile', { gender: 'male' });
    expect(later.statusCode).toBe(400);
    expect(later.json().errors).toEqual([{ pointer: '/body/gender', detail: expect.stringContaining('已保存的证件号码') }]);
  });

  it('R-ACC-4 withdrawing the sensitive_pi consent can erase the saved document in the same transaction', async () => {
    const { client, customerId } = await signedIn();
    await client.post('/api/site/account/profile', { name: '陈静', idDocument: { type: 'hk_macao_permit', number: 'H12345678' }, sensitivePiConsent: await consent(client) });
    const ctx = { actor: { type: 'customer' as const, id: customerId }, purpose: 'account' as const, requestId: 'req_withdraw', ip: null };
    expect(await inTransaction(database.db, (tx) => eraseIdDocument(tx, ctx, { customerId, channel: 'web' }))).toBe(true);
    expect(await inTransaction(database.db, (tx) => eraseIdDocument(tx, ctx, { customerId, channel: 'web' }))).toBe(false);
    const profile = (await client.get('/api/site/account/profile')).json();
    expect(profile).toMatchObject({ name: '陈静', idDocument: null });
    expect(profile.changes[0].fields).toEqual(['idDocument']);
  });

  it('R-RGT-4 R-ACC-4 withdrawing sensitive_pi on 授权管理 erases the saved ID document at once', async () => {
    const { client } = await signedIn();
    await client.post('/api/site/account/profile', { name: '周敏', idDocument: { type: 'hk_macao_permit', number: 'M87654321' }, sensitivePiConsent: await consent(client) });
    const { version } = await consent(client);
    const withdrawn = await client.post('/api/site/consents/sensitive_pi', { decision: 'withdraw', version });
    expect(withdrawn.json()).toMatchObject({ granted: false, changed: true });
    expect((await client.get('/api/site/account/profile')).json()).toMatchObject({ name: '周敏', idDocument: null });
  });

  it('R-ACC-4 changes need the CSRF token', async () => {
    const { client } = await signedIn();
    const response = await client.request({ method: 'POST', url: '/api/site/account/profile', payload: { name: '李娜' }, withCsrf: false });
    expect(response.statusCode).toBe(403);
  });
});

describe('showing the full ID number (R-ACC-4)', () => {
  it('R-ACC-4 needs a fresh SMS code to the account phone each time, and is audited as an unmask', async () => {
    const { client, customerId, phone } = await signedIn();
    const number = residentId('1979-08-30', 'male');
    await client.post('/api/site/account/profile', { idDocument: { type: 'resident_id', number }, sensitivePiConsent: await consent(client) });

    expect((await client.post('/api/site/account/profile/id-document/reveal', { code: '123456' })).json().code).toBe('code_expired');
    // The sign-in code of the session is no step-up code.
    const signInCode = sms.latestCode(e164(phone));
    expect((await client.post('/api/site/account/profile/id-document/reveal', { code: signInCode })).json().code).toBe('code_expired');

    const sent = await client.post('/api/site/account/profile/id-document/reveal-code');
    expect(sent.statusCode).toBe(200);
    const code = sms.latestCode(e164(phone));
    expect(code).not.toBe(signInCode);
    const wrong = await client.post('/api/site/account/profile/id-document/reveal', { code: String((Number(code) + 1) % 1_000_000).padStart(6, '0') });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'code_invalid', errors: [{ pointer: '/body/code' }] });

    const shown = await client.post('/api/site/account/profile/id-document/reveal', { code });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.json()).toEqual({ type: 'resident_id', number, issuingCountry: null });
    expect((await client.post('/api/site/account/profile/id-document/reveal', { code })).json().code).toBe('code_expired');

    const audits = await auditOf(customerId);
    expect(audits.filter((entry) => entry.action === 'unmask')).toEqual([expect.objectContaining({ actorId: customerId, record: `customer_profiles/${customerId}`, fields: ['idDocument'], purpose: 'account' })]);
    expect(audits.filter((entry) => entry.action === 'refused' && entry.fields.includes('idDocument')).length).toBeGreaterThanOrEqual(2);
  });

  it('R-ACC-4 without a saved document there is nothing to reveal and no code is sent', async () => {
    const { client } = await signedIn();
    const before = sms.sent.length;
    expect((await client.post('/api/site/account/profile/id-document/reveal-code')).statusCode).toBe(404);
    expect(sms.sent.length).toBe(before);
  });
});

describe('changing the phone number (R-ACC-4)', () => {
  it('R-ACC-4 needs the codes sent to the old and to the new number; signs out other sessions; audited', async () => {
    const { client, customerId, phone } = await signedIn();
    const elsewhere = await signedInAgain(phone);
    const newPhone = buildPersonPi().phone;
    const sent = await client.post('/api/site/account/profile/phone/codes', { newPhone });
    expect(sent.statusCode).toBe(200);
    const currentCode = sms.latestCode(e164(phone));
    const newCode = sms.latestCode(e164(newPhone));

    // One right code is not enough, in either order; the wrong one is named.
    const wrongCurrent = await client.post('/api/site/account/profile/phone', { newPhone, currentPhoneCode: flip(currentCode), newPhoneCode: newCode });
    expect(wrongCurrent.json()).toMatchObject({ code: 'code_invalid', errors: [{ pointer: '/body/currentPhoneCode' }] });
    const wrongNew = await client.post('/api/site/account/profile/phone', { newPhone, currentPhoneCode: currentCode, newPhoneCode: flip(newCode) });
    expect(wrongNew.json()).toMatchObject({ code: 'code_invalid', errors: [{ pointer: '/body/newPhoneCode' }] });
    const [unchanged] = await database.db.select().from(customers).where(eq(customers.id, customerId));
    expect(unchanged?.phoneBidx).toBe(blindIndex(keyring, 'phone', e164(phone)));

    const changed = await client.post('/api/site/account/profile/phone', { newPhone, currentPhoneCode: currentCode, newPhoneCode: newCode });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ phoneMasked: `${newPhone.slice(0, 3)}****${newPhone.slice(-4)}`, otherSessionsEnded: 1 });
    const [row] = await database.db.select().from(customers).where(eq(customers.id, customerId));
    expect(row?.phoneBidx).toBe(blindIndex(keyring, 'phone', e164(newPhone)));
    expect(row?.phoneEnc).not.toContain(newPhone);

    // This session stays, the other one is signed out, and the new number signs in to the same account.
    expect((await client.get('/api/site/account/profile')).json().phoneMasked).toContain(newPhone.slice(-4));
    expect((await elsewhere.get('/api/site/account/profile')).statusCode).toBe(401);
    expect((await signedIn(newPhone)).customerId).toBe(customerId);
    expect((await historyOf(customerId)).map((entry) => entry.fields)).toEqual([['phone']]);
    expect((await auditOf(customerId)).filter((entry) => entry.action === 'update')).toEqual([expect.objectContaining({ record: `customers/${customerId}`, fields: ['phone'] })]);
  });

  it('R-ACC-4 a number of another account is refused only after its code proves who holds it', async () => {
    const { client, customerId, phone } = await signedIn();
    const other = await signedIn();
    const sent = await client.post('/api/site/account/profile/phone/codes', { newPhone: other.phone });
    expect(sent.statusCode).toBe(200);
    const refused = await client.post('/api/site/account/profile/phone', { newPhone: other.phone, currentPhoneCode: sms.latestCode(e164(phone)), newPhoneCode: sms.latestCode(e164(other.phone)) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'phone_in_use', errors: [{ pointer: '/body/newPhone' }] });
    const [row] = await database.db.select().from(customers).where(eq(customers.id, customerId));
    expect(row?.phoneBidx).toBe(blindIndex(keyring, 'phone', e164(phone)));
    expect(await database.db.$count(sessions, and(eq(sessions.subjectId, other.customerId), sql`revoked_at is null`))).toBe(1);
  });

  it('R-ACC-4 refuses the current number and numbers that are not mainland mobiles, without sending anything', async () => {
    const { client, phone } = await signedIn();
    const before = sms.sent.length;
    expect((await client.post('/api/site/account/profile/phone/codes', { newPhone: phone })).json()).toMatchObject({ code: 'phone_unchanged', errors: [{ pointer: '/body/newPhone' }] });
    expect((await client.post('/api/site/account/profile/phone/codes', { newPhone: '010-12345678' })).json()).toMatchObject({ code: 'invalid_phone' });
    expect(sms.sent.length).toBe(before);
  });

  it('R-ACC-4 asking again within the minute reuses the live codes instead of failing', async () => {
    const { client } = await signedIn();
    const newPhone = buildPersonPi().phone;
    expect((await client.post('/api/site/account/profile/phone/codes', { newPhone })).statusCode).toBe(200);
    const again = await client.post('/api/site/account/profile/phone/codes', { newPhone });
    expect(again.statusCode).toBe(200);
    expect(again.json().newPhone.resendAfterSeconds).toBeGreaterThan(0);
  });
});

describe('the profile at rest (R-ACC-4, R-SEC-2, R-STO-1)', () => {
  it('R-ACC-4 R-SEC-2 no ID number, passport number, e-mail or address appears in a database dump', async () => {
    const secrets: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { client } = await signedIn();
      const person = buildPersonPi();
      const saved = await client.post('/api/site/account/profile', {
        name: person.name,
        email: person.email,
        address: person.address,
        idDocument: i % 2 === 0 ? { type: 'resident_id', number: person.idNumber } : { type: 'passport', number: person.passport },
        sensitivePiConsent: await consent(client),
      });
      expect(saved.statusCode).toBe(200);
      secrets.push(person.idNumber, person.email, person.address, ...(i % 2 === 1 ? [person.passport] : []));
    }
    const dump = await dumpDatabase(database);
    expect(dump).toContain('customer_profiles');
    for (const secret of secrets) expect(dump, 'a profile value appears in the dump').not.toContain(secret);
    if (database.url && hasPgDump()) {
      const pgDump = execFileSync('pg_dump', ['--data-only', database.url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(pgDump).toContain('COPY public.customer_profiles');
      for (const secret of secrets) expect(pgDump, 'a profile value appears in pg_dump output').not.toContain(secret);
    }
  });

  it('R-ACC-4 R-STO-1 the profile and its history go when a closed account is anonymised', async () => {
    const { client, customerId } = await signedIn();
    await client.post('/api/site/account/profile', { name: '赵敏', idDocument: { type: 'taiwan_permit', number: '01234567' }, sensitivePiConsent: await consent(client) });
    const keeps = await signedIn();
    await keeps.client.post('/api/site/account/profile', { name: '周杰' });
    await database.db.update(customers).set({ status: 'closed', closedAt: sql`now() - interval '31 days'` }).where(eq(customers.id, customerId));

    await sweepRetention(systemCtx('test.retention', 'legal_obligation'), database.db, { dryRun: false });
    expect(await database.db.$count(customerProfiles, eq(customerProfiles.id, customerId))).toBe(0);
    expect(await historyOf(customerId)).toEqual([]);
    expect(await database.db.$count(customerProfiles, eq(customerProfiles.id, keeps.customerId))).toBe(1);
  });
});

/** Another browser signed in to the same account (the number is past its sign-in cooldown). */
async function signedInAgain(phone: string): Promise<TestClient> {
  await database.db.execute(sql`update sms_challenges set created_at = created_at - interval '2 minutes'`);
  return (await signedIn(phone)).client;
}

function flip(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

function hasPgDump(): boolean {
  try {
    execFileSync('pg_dump', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
