import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { signedInCustomer } from '../../../test/support/customer-session.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { useTestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';
import { recommendationMode } from '../../modules/marketing/recommendation-mode.ts';
import { managedPurposes, type MyConsents, type PurposeConsentView } from '../../shared/consents.ts';
import { newId } from '../../shared/ids.ts';
import { auditLog } from '../audit/schema.ts';
import { documentVersions } from '../notices/schema.ts';
import { systemCtx } from '../access/context.ts';
import { consentPurposes } from './consent-purposes.ts';
import { requireConsent } from './consent-checks.ts';
import { hashConsentText, recordConsent } from './record-consent.ts';
import { consentRecords } from './schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
useTestApp({ sms }, (built) => ({ app, database } = built));

async function consentsOf(client: TestClient): Promise<MyConsents> {
  const response = await client.get('/api/site/consents');
  expect(response.statusCode).toBe(200);
  return response.json();
}

function purposeIn(mine: MyConsents, purpose: string): PurposeConsentView {
  const view = mine.purposes.find((entry) => entry.purpose === purpose);
  if (!view) throw new Error(`no ${purpose} on the page`);
  return view;
}

describe('授权管理: purpose consents of the signed-in customer', () => {
  it('R-RGT-4 R-USE-2 every purpose is listed unanswered — never pre-ticked — with its wording, version and text hash', async () => {
    const { client } = await signedInCustomer(app, sms);
    const mine = await consentsOf(client);
    expect(mine.purposes.map((entry) => entry.purpose)).toEqual([...managedPurposes]);
    for (const entry of mine.purposes) {
      expect(entry.granted).toBeNull();
      expect(entry.version).toBe(1);
      expect(entry.textHash).toBe(hashConsentText(entry.text));
    }
    expect(purposeIn(mine, 'marketing_sms').text).toBe(consentPurposes.marketing_sms.zh);
    expect(purposeIn(await consentsOf(client.speaks('en')), 'marketing_sms').text).toBe(consentPurposes.marketing_sms.en);
  });

  it('R-RGT-4 R-USE-2 one click grants and one click withdraws; each decision is recorded with the wording, version and hash shown, and listed in the history', async () => {
    const { client, customerId } = await signedInCustomer(app, sms);
    const granted = await client.post('/api/site/consents/marketing_sms', { decision: 'grant', version: 1 });
    expect(granted.json()).toEqual({ purpose: 'marketing_sms', granted: true, changed: true });
    const afterGrant = purposeIn(await consentsOf(client), 'marketing_sms');
    expect(afterGrant).toMatchObject({ granted: true, decidedVersion: 1, decidedTextHash: hashConsentText(consentPurposes.marketing_sms.zh), decidedChannel: 'web' });

    const withdrawn = await client.speaks('en').post('/api/site/consents/marketing_sms', { decision: 'withdraw', version: 1 });
    expect(withdrawn.json()).toEqual({ purpose: 'marketing_sms', granted: false, changed: true });
    const mine = await consentsOf(client);
    expect(purposeIn(mine, 'marketing_sms')).toMatchObject({ granted: false, decidedTextHash: hashConsentText(consentPurposes.marketing_sms.en) });
    expect(mine.history.map((entry) => [entry.matter, entry.action, entry.channel])).toEqual([
      ['purpose:marketing_sms', 'withdrawn', 'web'],
      ['purpose:marketing_sms', 'accepted', 'web'],
    ]);
    // Append-only evidence: the grant is still there, as proof that what was done before was lawful.
    const records = await database.db.select().from(consentRecords).where(eq(consentRecords.subjectId, customerId));
    expect(records.map((record) => record.action).sort()).toEqual(['accepted', 'withdrawn']);
    const audited = await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, customerId), eq(auditLog.action, 'create')));
    expect(audited.filter((entry) => entry.record?.startsWith('consent_records/'))).toHaveLength(2);
  });

  it('R-RGT-4 saying no to a purpose never asked about is recorded as declined; repeating an answer records nothing new', async () => {
    const { client, customerId } = await signedInCustomer(app, sms);
    expect((await client.post('/api/site/consents/personalised_recommendations', { decision: 'withdraw', version: 1 })).json().changed).toBe(true);
    expect((await client.post('/api/site/consents/personalised_recommendations', { decision: 'withdraw', version: 1 })).json().changed).toBe(false);
    expect((await client.post('/api/site/consents/personalised_recommendations', { decision: 'grant', version: 1 })).json().changed).toBe(true);
    expect((await client.post('/api/site/consents/personalised_recommendations', { decision: 'grant', version: 1 })).json().changed).toBe(false);
    const actions = (await database.db.select().from(consentRecords).where(eq(consentRecords.subjectId, customerId))).map((record) => record.action);
    expect(actions.sort()).toEqual(['accepted', 'declined']);
  });

  it('R-RGT-4 a decision on a wording that has since changed is refused; unknown purposes, signed-out visitors and requests without the CSRF token are too', async () => {
    const { client } = await signedInCustomer(app, sms);
    const stale = await client.post('/api/site/consents/marketing_email', { decision: 'grant', version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('consent_text_changed');
    expect((await client.post('/api/site/consents/cookies_marketing', { decision: 'grant', version: 1 })).statusCode).toBe(400);
    expect((await client.post('/api/site/consents/marketing_email', { decision: 'grant', version: 1 }, { withCsrf: false })).json().code).toBe('csrf_failed');
    const visitor = await new TestClient(app, '198.51.100.77').start();
    expect((await visitor.get('/api/site/consents')).statusCode).toBe(401);
    expect((await visitor.post('/api/site/consents/marketing_email', { decision: 'grant', version: 1 })).statusCode).toBe(401);
    expect(purposeIn(await consentsOf(client), 'marketing_email').granted).toBeNull();
  });

  it('R-RGT-4 withdrawing an essential consent says what it means, stops what needs it at once, and keeps the earlier consent on record', async () => {
    const { client, customerId } = await signedInCustomer(app, sms);
    const mine = await consentsOf(client);
    for (const essential of ['sensitive_pi', 'share_with_insurer']) {
      expect(purposeIn(mine, essential)).toMatchObject({ essential: true, withdrawalEffect: expect.stringContaining('撤回') });
    }
    expect(purposeIn(mine, 'marketing_sms')).toMatchObject({ essential: false, withdrawalEffect: null });

    await client.post('/api/site/consents/sensitive_pi', { decision: 'grant', version: 1 });
    await expect(requireConsent(database.db, customerId, 'sensitive_pi')).resolves.toBeUndefined();
    await client.post('/api/site/consents/sensitive_pi', { decision: 'withdraw', version: 1 });
    // A new application needing sensitive information cannot proceed from this moment.
    await expect(requireConsent(database.db, customerId, 'sensitive_pi')).rejects.toMatchObject({ code: 'consent_required', status: 409 });
    const history = (await consentsOf(client)).history.filter((entry) => entry.matter === 'purpose:sensitive_pi');
    expect(history.map((entry) => entry.action)).toEqual(['withdrawn', 'accepted']);
  });

  it('R-RGT-4 documents the person accepted are listed with the version and the hash of its published text', async () => {
    const { client, customerId } = await signedInCustomer(app, sms);
    const body = `# 用户协议\n\n第 ${Date.now()} 版`;
    const textHash = hashConsentText(body);
    await database.db.insert(documentVersions).values({
      id: newId('doc'),
      document: 'user_agreement',
      version: 1,
      status: 'published',
      titleZh: '用户协议',
      titleEn: 'User agreement',
      bodyZh: body,
      bodyEn: body,
      summaryZh: '首版',
      summaryEn: 'First version',
      textHash,
      publishedAt: new Date(),
      effectiveAt: new Date(),
      createdBy: 'stf_test',
    }).onConflictDoNothing();
    const ctx = { ...systemCtx('test', 'account'), actor: { type: 'customer' as const, id: customerId } };
    await recordConsent(ctx, database.db, { subject: { type: 'customer', id: customerId }, matter: { document: 'user_agreement' }, version: 1, text: body, action: 'accepted', channel: 'web' });
    const [document] = (await consentsOf(client.speaks('en'))).documents;
    expect(document).toMatchObject({ document: 'user_agreement', title: 'User agreement', version: 1, action: 'accepted' });
    expect(document?.textHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('R-USE-2 recommendations are general unless the person turned personalised ones on, and general again once they turn them off', async () => {
    const { client, customerId } = await signedInCustomer(app, sms);
    const actor = { type: 'customer' as const, id: customerId };
    expect(await recommendationMode(database.db, actor)).toBe('general');
    await client.post('/api/site/consents/personalised_recommendations', { decision: 'grant', version: 1 });
    expect(await recommendationMode(database.db, actor)).toBe('personalised');
    await client.post('/api/site/consents/personalised_recommendations', { decision: 'withdraw', version: 1 });
    expect(await recommendationMode(database.db, actor)).toBe('general');
    expect(await recommendationMode(database.db, { type: 'anonymous' })).toBe('general');
  });

  // Last in the file: it puts a material change of the user agreement in effect for everyone after it.
  it('R-RGT-4 R-UPD-2 while a material change of the terms waits for the person’s answer, a new consent waits too; withdrawing never does', async () => {
    const { client } = await signedInCustomer(app, sms);
    await client.post('/api/site/consents/marketing_email', { decision: 'grant', version: 1 });
    const [latest] = await database.db.select({ version: documentVersions.version }).from(documentVersions).where(eq(documentVersions.document, 'user_agreement')).orderBy(desc(documentVersions.version)).limit(1);
    const body = `# 用户协议（修订）\n\n${Date.now()}`;
    await database.db.insert(documentVersions).values({
      id: newId('doc'),
      document: 'user_agreement',
      version: (latest?.version ?? 0) + 1,
      status: 'published',
      titleZh: '用户协议',
      titleEn: 'User agreement',
      bodyZh: body,
      bodyEn: body,
      summaryZh: '重大变更',
      summaryEn: 'Material change',
      material: true,
      textHash: hashConsentText(body),
      publishedAt: new Date(),
      effectiveAt: new Date(),
      createdBy: 'stf_test',
    });
    const refused = await client.post('/api/site/consents/marketing_sms', { decision: 'grant', version: 1 });
    expect(refused.json().code).toBe('terms_consent_required');
    expect((await client.post('/api/site/consents/marketing_email', { decision: 'withdraw', version: 1 })).json()).toMatchObject({ granted: false, changed: true });
  });
});
