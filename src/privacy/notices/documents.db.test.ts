import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-session.ts';
import { useTestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../audit/schema.ts';
import { CONSENT_COOKIE } from '../consent/cookies/consent-cookie.ts';
import type { DocumentKind } from '../../shared/policy-documents.ts';
import { consentRecords } from '../consent/schema.ts';
import { customerStanding, termsInForceFor } from './document-standing.ts';
import type { DocumentContent } from './document-text.ts';
import { effectiveVersion } from './effective-version.ts';
import { ensurePublishedDocuments } from './ensure-published-documents.ts';
import { documentVersions } from './schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
let nextIp = 10;
// A hotline only configuration can have put into the rendered text (R-PLAT-2).
const HOTLINE = '400-765-4321';

useTestApp({ sms, env: { OPERATOR_HOTLINE: HOTLINE, OPERATOR_NAME: '测试保险经纪有限公司' } }, (built) => ({ app, database } = built));

/** Short stand-ins for the shipped texts, with the placeholders the real ones use. */
function placeholderText(document: DocumentKind): DocumentContent {
  return {
    titleZh: `${document} 中文`,
    titleEn: `${document} English`,
    summaryZh: '',
    summaryEn: '',
    bodyZh: `# ${document}\n\n运营者：{{operator.company}}，客服热线 {{operator.hotline}}，邮箱 {{operator.privacyEmail}}。\n\n本版本自 {{effectiveDate}} 起生效。\n\n我们保存您的信息三年。\n`,
    bodyEn: `# ${document}\n\nOperator: {{operator.company}}, hotline {{operator.hotline}}.\n\nIn effect from {{effectiveDate}}.\n\nWe keep your data for three years.\n`,
  };
}

async function browser(): Promise<TestClient> {
  nextIp += 1;
  return new TestClient(app, `198.51.100.${nextIp}`).start();
}

/** A customer registered now, signed in in their own browser. */
async function customer(): Promise<{ client: TestClient; id: string }> {
  const client = await browser();
  const { phone } = buildPersonPi();
  expect((await client.post('/api/site/auth/code', { phone })).statusCode).toBe(200);
  const signedIn = await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) });
  expect(signedIn.statusCode).toBe(200);
  return { client, id: signedIn.json().customerId };
}

async function officer() {
  return (await signedInStaff(app, database.db, ['compliance_officer'])).client;
}

/** The officer drafts the next version, changes its text and flags, and publishes it. */
async function publishNext(staff: TestClient, document: DocumentKind, change: { from: string; to: string; material?: boolean; narrowsRights?: boolean; effectiveAt?: string }) {
  const draft = await staff.post(`/api/console/documents/${document}/drafts`);
  expect(draft.statusCode).toBe(201);
  const { version, source } = draft.json();
  const saved = await staff.put(`/api/console/documents/${document}/versions/${version}`, {
    ...source,
    bodyZh: source.bodyZh.replace(/我们保存您的信息.*。/, `我们保存您的信息（${change.to}）。`),
    bodyEn: source.bodyEn.replace(change.from, change.to),
    summaryZh: `第 ${version} 版：保存期限调整。`,
    summaryEn: `Version ${version}: retention changed.`,
    material: change.material ?? false,
    narrowsRights: change.narrowsRights ?? false,
  });
  expect(saved.statusCode).toBe(200);
  const published = await staff.post(`/api/console/documents/${document}/versions/${version}/publish`, change.effectiveAt ? { effectiveAt: change.effectiveAt } : {});
  expect(published.statusCode).toBe(200);
  return published.json();
}

async function decisionsOf(subjectId: string, document: DocumentKind) {
  return database.db
    .select()
    .from(consentRecords)
    .where(and(eq(consentRecords.subjectId, subjectId), eq(consentRecords.matter, `document:${document}`)))
    .orderBy(consentRecords.at);
}

beforeAll(async () => {
  const first = await ensurePublishedDocuments(database.db, { loadText: placeholderText });
  expect(first.published.sort()).toEqual(['cookie_policy', 'privacy_policy', 'user_agreement']);
});

describe('policy documents: seeding, site pages, console', () => {
  it('R-UPD-1 version 1 of every document is published once at start, in effect now, with its text hash', async () => {
    const again = await ensurePublishedDocuments(database.db, { loadText: placeholderText });
    expect(again).toEqual({ published: [], missing: [] });
    const current = await effectiveVersion(database.db, 'privacy_policy');
    expect(current).toMatchObject({ version: 1, status: 'published', summaryZh: '首次发布。', textHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('R-PLAT-2 the privacy policy on the site names the operator and hotline from configuration', async () => {
    const response = await (await browser()).get('/api/site/documents/privacy_policy');
    expect(response.statusCode).toBe(200);
    const { current, versions } = response.json();
    expect(current.zh.body).toContain(`客服热线 ${HOTLINE}`);
    expect(current.zh.body).toContain('测试保险经纪有限公司');
    expect(current.en.body).toContain(`hotline ${HOTLINE}`);
    expect(current.zh.body).not.toContain('{{');
    expect(current.zh.body).toMatch(/本版本自 \d{4}年\d{1,2}月\d{1,2}日 起生效/);
    expect(versions).toEqual([expect.objectContaining({ version: 1, phase: 'current' })]);
  });

  it('R-UPD-1 only the compliance officer drafts and publishes; auditors read; customer service sees nothing', async () => {
    const auditor = (await signedInStaff(app, database.db, ['auditor'])).client;
    expect((await auditor.get('/api/console/documents')).statusCode).toBe(200);
    expect((await auditor.post('/api/console/documents/user_agreement/drafts')).statusCode).toBe(403);
    const service = (await signedInStaff(app, database.db, ['customer_service'])).client;
    expect((await service.get('/api/console/documents')).statusCode).toBe(403);
  });

  it('R-UPD-1 a draft is a copy of the newest version, editable, diffable, never on the site; one draft at a time', async () => {
    const staff = await officer();
    const draft = (await staff.post('/api/console/documents/cookie_policy/drafts')).json();
    expect(draft).toMatchObject({ version: 2, status: 'draft', phase: 'draft', summaryZh: '', material: false, narrowsRights: false });
    expect(draft.source.bodyEn).toContain('{{operator.hotline}}');
    expect(draft.en.body).toContain(HOTLINE);
    expect(draft.zh.body).toContain('（生效日期待定）');
    expect((await staff.post('/api/console/documents/cookie_policy/drafts')).json().code).toBe('document_draft_exists');

    await staff.put('/api/console/documents/cookie_policy/versions/2', { ...draft.source, bodyEn: draft.source.bodyEn.replace('three years', 'two years') });
    const diff = (await staff.get('/api/console/documents/cookie_policy/versions/2/diff')).json();
    expect(diff.from.version).toBe(1);
    expect(diff.en).toContainEqual(expect.objectContaining({ kind: 'changed', parts: expect.arrayContaining([{ kind: 'removed', text: 'three' }, { kind: 'added', text: 'two' }]) }));

    const visitor = await browser();
    expect((await visitor.get('/api/site/documents/cookie_policy/versions/2')).statusCode).toBe(404);
    expect((await visitor.get('/api/site/documents/cookie_policy')).json().versions.map((v: { version: number }) => v.version)).toEqual([1]);

    expect((await staff.request({ method: 'DELETE', url: '/api/console/documents/cookie_policy/versions/2' })).statusCode).toBe(204);
    expect(await database.db.$count(documentVersions, and(eq(documentVersions.document, 'cookie_policy'), eq(documentVersions.version, 2)))).toBe(0);
  });

  it('R-UPD-1 publishing needs a change summary; a published version never changes, even in the database', async () => {
    const staff = await officer();
    const draft = (await staff.post('/api/console/documents/cookie_policy/drafts')).json();
    const incomplete = await staff.post(`/api/console/documents/cookie_policy/versions/${draft.version}/publish`, {});
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/summaryEn', '/summaryZh']);
    await staff.put(`/api/console/documents/cookie_policy/versions/${draft.version}`, { ...draft.source, summaryZh: '更新 {{nonsense}}', summaryEn: 'Update' });
    const unknown = await staff.post(`/api/console/documents/cookie_policy/versions/${draft.version}/publish`, {});
    expect(unknown.json().errors).toEqual([{ pointer: '/summaryZh', detail: 'unknown placeholder {{nonsense}}' }]);
    await staff.put(`/api/console/documents/cookie_policy/versions/${draft.version}`, { ...draft.source, summaryZh: '文字调整。', summaryEn: 'Wording.' });
    const published = (await staff.post(`/api/console/documents/cookie_policy/versions/${draft.version}/publish`, {})).json();
    expect(published).toMatchObject({ status: 'published', phase: 'current', textHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const edit = await staff.put(`/api/console/documents/cookie_policy/versions/${draft.version}`, { ...draft.source, summaryZh: '改', summaryEn: 'x' });
    expect(edit.json().code).toBe('document_version_published');
    expect((await staff.request({ method: 'DELETE', url: `/api/console/documents/cookie_policy/versions/${draft.version}` })).json().code).toBe('document_version_published');
    await expect(database.db.execute(sql`update document_versions set body_zh = 'tampered' where document = 'cookie_policy' and version = ${draft.version}`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from document_versions where document = 'cookie_policy' and version = ${draft.version}`)).rejects.toThrow();
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.record, `document_versions/${(await effectiveVersion(database.db, 'cookie_policy'))?.id}`));
    expect(audited.map((entry) => entry.action).sort()).toEqual(['create', 'update', 'update', 'update']);
  });

  it('R-UPD-1 a scheduled version is listed as scheduled and takes effect only at its time', async () => {
    const staff = await officer();
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const scheduled = await publishNext(staff, 'cookie_policy', { from: 'three years', to: 'four years', effectiveAt: inAWeek.toISOString() });
    expect(scheduled).toMatchObject({ phase: 'scheduled', effectiveAt: inAWeek.toISOString() });
    expect((await effectiveVersion(database.db, 'cookie_policy'))?.version).toBe(scheduled.version - 1);
    expect((await effectiveVersion(database.db, 'cookie_policy', new Date(inAWeek.getTime() + 1000)))?.version).toBe(scheduled.version);
    const site = (await (await browser()).get('/api/site/documents/cookie_policy')).json();
    expect(site.current.version).toBe(scheduled.version - 1);
    expect(site.versions[0]).toMatchObject({ version: scheduled.version, phase: 'scheduled' });
    // Versions take effect in order: the next one cannot be dated before this one.
    const next = (await staff.post('/api/console/documents/cookie_policy/drafts')).json();
    await staff.put(`/api/console/documents/cookie_policy/versions/${next.version}`, { ...next.source, summaryZh: '再改', summaryEn: 'Again' });
    expect((await staff.post(`/api/console/documents/cookie_policy/versions/${next.version}/publish`, {})).json().errors[0].pointer).toBe('/body/effectiveAt');
  });

  it('R-UPD-1 the site shows what changed between two published versions', async () => {
    const visitor = await browser();
    const diff = (await visitor.get('/api/site/documents/cookie_policy/diff?from=2&to=3')).json();
    expect(diff).toMatchObject({ from: { version: 2 }, to: { version: 3, phase: 'scheduled' } });
    expect(diff.en).toContainEqual(expect.objectContaining({ kind: 'changed', parts: expect.arrayContaining([{ kind: 'removed', text: 'three' }, { kind: 'added', text: 'four' }]) }));
    // Without bounds: the version in effect against the one before it.
    expect((await visitor.get('/api/site/documents/cookie_policy/diff')).json()).toMatchObject({ from: { version: 1 }, to: { version: 2 } });
    expect((await visitor.get('/api/site/documents/cookie_policy/diff?to=9')).statusCode).toBe(404);
  });
});

describe('change notices and re-consent', () => {
  it('R-UPD-1 a change without material terms is acknowledged once, recorded with the version and its text hash', async () => {
    const person = await customer();
    expect((await person.client.get('/api/site/documents/notices')).json().documents.every((d: { state: string }) => d.state === 'current')).toBe(true);

    const published = await publishNext(await officer(), 'user_agreement', { from: 'three years', to: 'five years' });
    const notices = (await person.client.get('/api/site/documents/notices')).json().documents;
    const notice = notices.find((d: { document: string }) => d.document === 'user_agreement');
    expect(notice).toMatchObject({ state: 'acknowledge', requiresConsent: false, inForce: published.version, current: { version: published.version } });
    expect(notice.changes).toEqual([expect.objectContaining({ version: published.version, summaryZh: `第 ${published.version} 版：保存期限调整。` })]);

    expect((await person.client.post('/api/site/documents/notices/shown', { document: 'user_agreement', version: published.version })).statusCode).toBe(204);
    // A non-material notice is not a question: there is nothing to accept or decline.
    expect((await person.client.post('/api/site/documents/notices/decision', { document: 'user_agreement', version: published.version, action: 'declined' })).statusCode).toBe(400);
    const acknowledged = await person.client.post('/api/site/documents/notices/decision', { document: 'user_agreement', version: published.version, action: 'acknowledged' });
    expect(acknowledged.json().state).toBe('current');

    const records = await decisionsOf(person.id, 'user_agreement');
    expect(records.map((record) => [record.action, record.version, record.textHash, record.channel])).toEqual([
      ['shown', published.version, published.textHash, 'web'],
      ['acknowledged', published.version, published.textHash, 'web'],
    ]);
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, person.id));
    expect(audited.filter((entry) => entry.record?.startsWith('consent_records/')).map((entry) => entry.action)).toEqual(['read', 'create']);
  });

  it('R-UPD-1 R-UPD-2 a material change needs explicit consent; until then new processing is refused and core rights keep working', async () => {
    const person = await customer();
    const published = await publishNext(await officer(), 'privacy_policy', { from: 'three years', to: 'five years', material: true });
    const notice = (await person.client.get('/api/site/documents/notices')).json().documents.find((d: { document: string }) => d.document === 'privacy_policy');
    expect(notice).toMatchObject({ state: 'consent', requiresConsent: true, inForce: published.version - 1 });
    // Acknowledging is not consenting.
    expect((await person.client.post('/api/site/documents/notices/decision', { document: 'privacy_policy', version: published.version, action: 'acknowledged' })).statusCode).toBe(400);

    // Nothing new: a first password waits for consent, with a message that says why and what still works.
    const refused = await person.client.put('/api/site/account/password', { password: 'Quiet-harbour-2038' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'terms_consent_required', detail: expect.stringContaining('导出') });
    // Reading their data, their sessions and who received it, and signing out, all still work.
    expect((await person.client.get('/api/site/account')).statusCode).toBe(200);
    expect((await person.client.get('/api/site/account/sessions')).statusCode).toBe(200);
    expect((await person.client.get('/api/site/account/disclosures')).statusCode).toBe(200);

    const accepted = await person.client.post('/api/site/documents/notices/decision', { document: 'privacy_policy', version: published.version, action: 'accepted' });
    expect(accepted.json()).toMatchObject({ state: 'current', inForce: published.version });
    expect((await person.client.put('/api/site/account/password', { password: 'Quiet-harbour-2038' })).statusCode).toBe(204);
    const [record] = (await decisionsOf(person.id, 'privacy_policy')).filter((r) => r.action === 'accepted');
    expect(record).toMatchObject({ version: published.version, textHash: published.textHash, subjectType: 'customer' });
  });

  it('R-UPD-2 a declined narrowing version never applies to that person: their accepted version stays in force', async () => {
    const person = await customer();
    const before = (await effectiveVersion(database.db, 'privacy_policy'))?.version as number;
    const published = await publishNext(await officer(), 'privacy_policy', { from: 'five years', to: 'ten years', narrowsRights: true });
    expect((await person.client.get('/api/site/account')).statusCode).toBe(200);

    const declined = await person.client.post('/api/site/documents/notices/decision', { document: 'privacy_policy', version: published.version, action: 'declined' });
    expect(declined.json()).toMatchObject({ state: 'declined', inForce: before });
    expect(await termsInForceFor(database.db, person.id, 'privacy_policy')).toBe(before);
    const page = (await person.client.get('/api/site/documents/privacy_policy')).json();
    expect(page.standing).toMatchObject({ state: 'declined', inForce: before });
    expect((await person.client.put('/api/site/account/password', { password: 'Quiet-harbour-2038' })).json().code).toBe('terms_consent_required');
    const refusals = await database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, person.id), eq(auditLog.action, 'refused')));
    expect(refusals).toHaveLength(1);
    // Signing out still works.
    expect((await person.client.post('/api/site/auth/sign-out')).statusCode).toBeLessThan(300);

    // Someone who registered after it took effect was shown it at registration: nothing to ask.
    const newcomer = await customer();
    expect((await customerStanding(database.db, newcomer.id, 'privacy_policy'))?.state).toBe('current');
  });

  it('R-UPD-1 an answer to a version that is no longer in effect is refused', async () => {
    const person = await customer();
    const current = (await effectiveVersion(database.db, 'privacy_policy'))?.version as number;
    const stale = await person.client.post('/api/site/documents/notices/decision', { document: 'privacy_policy', version: current - 1, action: 'accepted' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('document_version_changed');
  });

  it('R-UPD-1 a returning visitor is told of a change once, recorded against their visitor id; a first visit is not', async () => {
    const firstTime = await browser();
    expect((await firstTime.get('/api/site/documents/notices')).json().documents.every((d: { state: string }) => d.state === 'current')).toBe(true);

    const returning = await browser();
    expect((await returning.post('/api/site/cookie-consent', { choice: { preferences: false, analytics: false, marketing: false }, language: 'zh-CN', surface: 'banner' })).statusCode).toBe(200);
    const visitorId = returning.cookies.get(CONSENT_COOKIE)?.value.split('.')[1] as string;
    const published = await publishNext(await officer(), 'user_agreement', { from: 'five years', to: 'six years' });
    const notice = (await returning.get('/api/site/documents/notices')).json().documents.find((d: { document: string }) => d.document === 'user_agreement');
    expect(notice).toMatchObject({ state: 'acknowledge', current: { version: published.version } });
    expect((await returning.post('/api/site/documents/notices/decision', { document: 'user_agreement', version: published.version, action: 'acknowledged' })).json().state).toBe('current');
    expect((await returning.get('/api/site/documents/notices')).json().documents.every((d: { state: string }) => d.state === 'current')).toBe(true);
    expect((await decisionsOf(visitorId, 'user_agreement')).map((r) => [r.subjectType, r.action, r.version, r.textHash])).toEqual([['visitor', 'acknowledged', published.version, published.textHash]]);
  });
});
