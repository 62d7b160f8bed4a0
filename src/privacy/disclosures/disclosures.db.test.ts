import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-session.ts';
import { useTestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';
import { and, eq } from 'drizzle-orm';
import type { AppError } from '../../errors/app-error.ts';
import { smsChallenges } from '../../modules/accounts/schema.ts';
import { newId } from '../../shared/ids.ts';
import { systemCtx } from '../access/context.ts';
import { auditLog } from '../audit/schema.ts';
import { consentPurposes } from '../consent/consent-purposes.ts';
import { recordConsent } from '../consent/record-consent.ts';
import { disclose, type DisclosureRequest } from './disclose.ts';
import { disclosures, recipients } from './schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
// An SMS provider outside the platform: every code it sends discloses the number to it.
const sms = new CapturingSms('sms.testcloud');
useTestApp({ sms }, (built) => ({ app, database } = built));

const recipient = {
  name: '测试云短信服务有限公司',
  type: 'sms_provider' as const,
  integration: 'sms.testcloud',
  country: 'CN',
  purposes: ['account'],
  categories: ['contact.phone'],
  agreementReference: 'DPA-2026-017',
  agreementSignedOn: '2026-01-01',
  agreementExpiresOn: '2099-12-31',
};

async function askCode(phone: string) {
  const client = await new TestClient(app, `192.0.2.${Math.floor(Math.random() * 200) + 20}`).start();
  return { client, response: await client.post('/api/site/auth/code', { phone }) };
}

describe('disclosures to third parties', () => {
  it('R-SHR-1 an outside SMS service without an agreement in the registry receives nothing', async () => {
    const { phone } = buildPersonPi();
    const { response } = await askCode(phone);
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('disclosure_refused');
    expect(sms.sent.some((message) => message.to === `+86${phone}`)).toBe(false);
    expect(await database.db.$count(smsChallenges)).toBe(0);
  });

  it('R-SHR-1 the PI-protection officer registers the recipient and its agreement; others may only read', async () => {
    const { client: officer } = await signedInStaff(app, database.db, ['compliance_officer']);
    const created = await officer.post('/api/console/recipients', recipient);
    expect(created.statusCode).toBe(201);
    const { client: admin } = await signedInStaff(app, database.db, ['administrator']);
    expect((await admin.get('/api/console/recipients')).json()).toEqual([expect.objectContaining({ name: recipient.name, agreementReference: 'DPA-2026-017' })]);
    expect((await admin.post('/api/console/recipients', { ...recipient, integration: 'sms.other' })).statusCode).toBe(403);
  });

  it('R-SHR-2 each code sent is recorded in the ledger, and the person sees who received their data', async () => {
    const { phone } = buildPersonPi();
    const { client, response } = await askCode(phone);
    expect(response.statusCode).toBe(200);
    expect(await database.db.$count(disclosures)).toBe(1);
    await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
    const mine = (await client.get('/api/site/account/disclosures')).json();
    expect(mine).toEqual([expect.objectContaining({ recipientName: recipient.name, recipientType: 'sms_provider', fields: ['phone'], purpose: 'account', basis: 'contract' })]);
    const other = await signedInAs(buildPersonPi().phone);
    expect((await other.get('/api/site/account/disclosures')).json()).toHaveLength(1);
  });

  it('R-SHR-1 an expired or suspended agreement stops disclosures at once', async () => {
    const { client: officer } = await signedInStaff(app, database.db, ['compliance_officer']);
    const [registered] = (await officer.get('/api/console/recipients')).json();
    await officer.put(`/api/console/recipients/${registered.id}`, { ...recipient, agreementExpiresOn: '2026-01-31' });
    expect((await askCode(buildPersonPi().phone)).response.json().code).toBe('disclosure_refused');
    await officer.put(`/api/console/recipients/${registered.id}`, recipient);
    expect((await askCode(buildPersonPi().phone)).response.statusCode).toBe(200);
    await officer.post(`/api/console/recipients/${registered.id}/status`, { status: 'suspended' });
    expect((await askCode(buildPersonPi().phone)).response.json().code).toBe('disclosure_refused');
    await officer.post(`/api/console/recipients/${registered.id}/status`, { status: 'active' });
  });
});

async function signedInAs(phone: string): Promise<TestClient> {
  const { client } = await askCode(phone);
  await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
  return client;
}

describe('consent as the basis of a disclosure', () => {
  const customerId = newId('cus');
  const ctx = systemCtx('test.disclosures', 'marketing');
  const customerCtx = { ...ctx, actor: { type: 'customer' as const, id: customerId } };
  let recipientId: string;
  const request = (overrides: Partial<DisclosureRequest> = {}): DisclosureRequest => ({
    recipientId,
    subjectKey: customerId,
    fields: [{ name: 'phone', category: 'contact.phone' }],
    purpose: 'marketing',
    basis: 'consent',
    consent: 'marketing_sms',
    ...overrides,
  });
  const decide = (action: 'accepted' | 'withdrawn') =>
    recordConsent(customerCtx, database.db, { subject: { type: 'customer', id: customerId }, matter: { purpose: 'marketing_sms' }, version: 1, text: consentPurposes.marketing_sms.zh, action, channel: 'web' });

  it('R-SHR-1 R-RGT-4 a disclosure on consent names the consent it relies on and passes only while the person’s answer is yes', async () => {
    recipientId = newId('rcp');
    await database.db.insert(recipients).values({ ...recipient, id: recipientId, integration: 'sms.marketing-test', purposes: ['marketing'] });
    const refusal = (overrides: Partial<DisclosureRequest> = {}) => disclose(ctx, database.db, request(overrides)).then(() => null, (error: AppError) => error.details.reason);

    expect(await refusal()).toBe('no consent in force for marketing_sms');
    expect(await refusal({ consent: undefined })).toBe('consent basis names no consent');
    await decide('accepted');
    // A consent given for another purpose is no basis for this one.
    expect(await refusal({ consent: 'share_with_insurer' })).toBe('consent share_with_insurer was not given for purpose marketing');
    expect(await refusal()).toBeNull();
    const [entry] = await database.db.select().from(disclosures).where(eq(disclosures.subjectKey, customerId));
    expect(entry).toMatchObject({ basis: 'consent', consentMatter: 'purpose:marketing_sms', purpose: 'marketing' });

    await decide('withdrawn');
    expect(await refusal()).toBe('no consent in force for marketing_sms');
    expect(await database.db.$count(disclosures, eq(disclosures.subjectKey, customerId))).toBe(1);
    const refusals = await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, customerId), eq(auditLog.action, 'refused')));
    expect(refusals.length).toBe(4);
  });
});
