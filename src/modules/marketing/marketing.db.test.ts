import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { signedInCustomer } from '../../../test/support/customer-session.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-session.ts';
import { buildTestApp, captureLog } from '../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { OutboxEmailProvider, readEmailOutbox } from '../../integrations/email/outbox-email-provider.ts';
import { startJobs, type Jobs } from '../../jobs/start-jobs.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { consentRecords, consentState } from '../../privacy/consent/schema.ts';
import { ephemeralKeyring } from '../../privacy/crypto/keyring.ts';
import { disclosures, recipients } from '../../privacy/disclosures/schema.ts';
import { scrubUrl } from '../../privacy/redaction/scrub.ts';
import { sweepRetention } from '../../privacy/retention/sweep-retention.ts';
import { newId } from '../../shared/ids.ts';
import { accountContacts, type ContactLookup } from './contacts.ts';
import { marketingSweepRules } from './retention.ts';
import { marketingCampaigns, marketingDeliveries, marketingMessages, unsubscribeTokens } from './schema.ts';
import { runCampaignSend, type CampaignSendDeps } from './send-campaign.ts';
import { sendCampaignJob } from './send-campaign-job.ts';

let database: TestDatabase;
let app: FastifyInstance;
let jobs: Jobs;
const keyring = ephemeralKeyring();
// Sign-in codes go through a service inside the platform; marketing SMS through an outside one,
// which receives each number as a disclosure on the basis of the person's consent.
const codes = new CapturingSms();
const marketingSms = new CapturingSms('sms.marketcloud');
const emailFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bt-email-')), 'email-outbox.jsonl');
const email = new OutboxEmailProvider(emailFile);
const publicUrl = 'https://www.besttrav.test';

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobs({ database, logger: createLogger('warn', captureLog().stream), keyring, outbound: { sms: marketingSms, email, publicUrl }, definitions: [sendCampaignJob], runWorkers: true });
  ({ app } = await buildTestApp({ database, jobs, sms: codes, keyring }));
  await database.db.insert(recipients).values({
    id: newId('rcp'),
    name: '营销短信服务有限公司',
    type: 'sms_provider',
    integration: 'sms.marketcloud',
    purposes: ['marketing'],
    categories: ['contact.phone'],
    agreementReference: 'DPA-2026-031',
    agreementSignedOn: '2026-01-01',
    agreementExpiresOn: '2099-12-31',
  });
});
afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await database?.close();
});

type Channel = 'sms' | 'email' | 'in_app';
const campaignText = (channel: Channel) => ({ channel, titleZh: '春季出行保障', titleEn: 'Spring travel cover', textZh: `春季旅行保险八折 ${newId('t')}`, textEn: 'Spring travel insurance 20% off' });

async function operations(): Promise<TestClient> {
  return (await signedInStaff(app, database.db, ['operations'])).client;
}

async function waitForCampaign(ops: TestClient, id: string): Promise<{ status: string; sentCount: number; skippedCount: number; failedCount: number; errorCode: string | null; progress: { status: string; done: number; total: number } }> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const campaign = (await ops.get(`/api/console/campaigns/${id}`)).json();
    if (campaign.status === 'sent' || campaign.status === 'failed') return campaign;
    if (Date.now() > deadline) throw new Error(`campaign still ${campaign.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Writes and sends a campaign from the console, as operations do, and waits for the job to finish. */
async function sendCampaign(ops: TestClient, channel: Channel) {
  const created = await ops.post('/api/console/campaigns', campaignText(channel));
  expect(created.statusCode).toBe(201);
  const sent = await ops.post(`/api/console/campaigns/${created.json().id}/send`);
  expect(sent.statusCode).toBe(202);
  return waitForCampaign(ops, created.json().id);
}

async function decide(client: TestClient, purpose: string, decision: 'grant' | 'withdraw'): Promise<void> {
  expect((await client.post(`/api/site/consents/${purpose}`, { decision, version: 1 })).statusCode).toBe(200);
}

const e164 = (phone: string) => `+86${phone}`;
const tokenOf = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

describe('marketing campaigns reach only people whose consent is in force', () => {
  it('R-USE-2 operations write and send campaigns; the PI-protection officer may only look; other roles may not', async () => {
    const ops = await operations();
    const created = await ops.post('/api/console/campaigns', campaignText('sms'));
    expect(created.json()).toMatchObject({ status: 'draft', channel: 'sms', sentCount: 0, progress: null });
    const { client: officer } = await signedInStaff(app, database.db, ['compliance_officer']);
    expect((await officer.get('/api/console/campaigns')).statusCode).toBe(200);
    expect((await officer.post(`/api/console/campaigns/${created.json().id}/send`)).statusCode).toBe(403);
    const { client: service } = await signedInStaff(app, database.db, ['customer_service']);
    expect((await service.get('/api/console/campaigns')).statusCode).toBe(403);
    expect((await ops.post('/api/console/campaigns', { ...campaignText('sms'), textZh: '长'.repeat(301) })).json().code).toBe('validation_failed');
  });

  it('R-USE-2 R-RGT-4 withdraw → a campaign run skips the person; grant → the next run includes them', async () => {
    const granted = await signedInCustomer(app, codes);
    const withdrew = await signedInCustomer(app, codes);
    const neverAsked = await signedInCustomer(app, codes);
    const emailOnly = await signedInCustomer(app, codes);
    await decide(granted.client, 'marketing_sms', 'grant');
    await decide(withdrew.client, 'marketing_sms', 'grant');
    await decide(withdrew.client, 'marketing_sms', 'withdraw');
    await decide(emailOnly.client, 'marketing_email', 'grant');
    const ops = await operations();

    const first = await sendCampaign(ops, 'sms');
    expect(first).toMatchObject({ status: 'sent', sentCount: 1, failedCount: 0, progress: { status: 'succeeded' } });
    expect(marketingSms.marketingTo(e164(granted.phone))).toHaveLength(1);
    for (const skipped of [withdrew, neverAsked, emailOnly]) expect(marketingSms.marketingTo(e164(skipped.phone))).toHaveLength(0);

    await decide(withdrew.client, 'marketing_sms', 'grant');
    await decide(granted.client, 'marketing_sms', 'withdraw');
    expect(await sendCampaign(ops, 'sms')).toMatchObject({ status: 'sent', sentCount: 1 });
    expect(marketingSms.marketingTo(e164(withdrew.phone))).toHaveLength(1);
    expect(marketingSms.marketingTo(e164(granted.phone))).toHaveLength(1);
  });

  it('R-USE-2 R-RGT-4 consent is checked per person at the moment of sending: a withdrawal after the run began is honoured', async () => {
    const first = await signedInCustomer(app, codes);
    const second = await signedInCustomer(app, codes);
    await decide(first.client, 'marketing_sms', 'grant');
    await decide(second.client, 'marketing_sms', 'grant');
    const [campaign] = await database.db.insert(marketingCampaigns).values({ id: newId('cmp'), ...campaignText('sms'), status: 'queued', createdBy: 'stf_test' }).returning();
    // While the first message goes out, the second person withdraws: the list of the batch still names them.
    const contacts = accountContacts({ db: database.db, keyring });
    const withdrawing: ContactLookup = {
      ...contacts,
      phoneOf: async (ctx, customerId) => {
        if (customerId === first.customerId) await decide(second.client, 'marketing_sms', 'withdraw');
        return contacts.phoneOf(ctx, customerId);
      },
    };
    const deps: CampaignSendDeps = { db: database.db, keyring, sms: marketingSms, email, publicUrl, contacts: withdrawing, batchSize: 1000 };
    await runCampaignSend(systemCtx('test.marketing', 'marketing'), campaign?.id ?? '', deps);
    expect(marketingSms.marketingTo(e164(first.phone)).some((message) => message.text === campaign?.textZh)).toBe(true);
    expect(marketingSms.marketingTo(e164(second.phone))).toHaveLength(0);
    expect(await database.db.$count(marketingDeliveries, and(eq(marketingDeliveries.campaignId, campaign?.id ?? ''), eq(marketingDeliveries.customerId, second.customerId)))).toBe(0);
  });

  it('R-USE-2 a retried run sends nobody the same campaign twice', async () => {
    const person = await signedInCustomer(app, codes);
    await decide(person.client, 'marketing_sms', 'grant');
    const [campaign] = await database.db.insert(marketingCampaigns).values({ id: newId('cmp'), ...campaignText('sms'), status: 'queued', createdBy: 'stf_test' }).returning();
    const deps: CampaignSendDeps = { db: database.db, keyring, sms: marketingSms, email, publicUrl, batchSize: 2 };
    await runCampaignSend(systemCtx('test.marketing', 'marketing'), campaign?.id ?? '', deps);
    // As after a crash: the job runs again on a campaign still marked as sending.
    await database.db.update(marketingCampaigns).set({ status: 'sending' }).where(eq(marketingCampaigns.id, campaign?.id ?? ''));
    await runCampaignSend(systemCtx('test.marketing', 'marketing'), campaign?.id ?? '', deps);
    expect(marketingSms.marketingTo(e164(person.phone)).filter((message) => message.text === campaign?.textZh)).toHaveLength(1);
  });

  it('R-SHR-1 R-SHR-2 the SMS service gets each number as a disclosure on the basis of the person’s consent, named in the ledger', async () => {
    const person = await signedInCustomer(app, codes);
    await decide(person.client, 'marketing_sms', 'grant');
    await sendCampaign(await operations(), 'sms');
    const entries = await database.db.select().from(disclosures).where(eq(disclosures.subjectKey, person.customerId));
    expect(entries.at(-1)).toMatchObject({ purpose: 'marketing', basis: 'consent', consentMatter: 'purpose:marketing_sms', fields: ['phone'] });
    const mine = (await person.client.get('/api/site/account/disclosures')).json();
    expect(mine[0]).toMatchObject({ recipientName: '营销短信服务有限公司', purpose: 'marketing', basis: 'consent' });
  });

  it('R-SHR-1 without an agreement covering marketing, the SMS campaign stops and nobody is sent anything', async () => {
    const person = await signedInCustomer(app, codes);
    await decide(person.client, 'marketing_sms', 'grant');
    await database.db.update(recipients).set({ purposes: ['account'] }).where(eq(recipients.integration, 'sms.marketcloud'));
    try {
      const campaign = await sendCampaign(await operations(), 'sms');
      expect(campaign).toMatchObject({ status: 'failed', errorCode: 'disclosure_refused', sentCount: 0 });
      expect(marketingSms.marketingTo(e164(person.phone))).toHaveLength(0);
    } finally {
      await database.db.update(recipients).set({ purposes: ['marketing'] }).where(eq(recipients.integration, 'sms.marketcloud'));
    }
  });

  it('R-USE-2 in-app messages reach the 站内消息 page of consenting customers only, apart from service messages', async () => {
    const reader = await signedInCustomer(app, codes);
    const other = await signedInCustomer(app, codes);
    await decide(reader.client, 'marketing_in_app', 'grant');
    const campaign = await sendCampaign(await operations(), 'in_app');
    expect(campaign.status).toBe('sent');
    const messages = (await reader.client.speaks('en').get('/api/site/messages')).json();
    expect(messages).toEqual([expect.objectContaining({ title: 'Spring travel cover', text: 'Spring travel insurance 20% off', isRead: false })]);
    expect((await reader.client.post('/api/site/messages/read')).json()).toEqual({ marked: 1 });
    expect((await reader.client.get('/api/site/messages')).json()[0].isRead).toBe(true);
    expect((await other.client.get('/api/site/messages')).json()).toEqual([]);
    expect((await new TestClient(app).get('/api/site/messages')).statusCode).toBe(401);
  });
});

describe('one-click unsubscribe', () => {
  it('R-USE-2 R-RGT-4 the link in an SMS works signed out, withdraws that channel at once, and the next campaign skips the person', async () => {
    const person = await signedInCustomer(app, codes);
    await decide(person.client, 'marketing_sms', 'grant');
    await decide(person.client, 'marketing_in_app', 'grant');
    const ops = await operations();
    await sendCampaign(ops, 'sms');
    const [message] = marketingSms.marketingTo(e164(person.phone));
    const link = message?.unsubscribeUrl ?? '';
    expect(link.startsWith(`${publicUrl}/unsubscribe/`)).toBe(true);
    // The link says nothing about whom it is for.
    expect(link).not.toContain(person.customerId);
    expect(link).not.toContain(person.phone);

    const stranger = await new TestClient(app, '198.51.100.200').start();
    const first = await stranger.post('/api/site/unsubscribe', { token: tokenOf(link) });
    expect(first.json()).toEqual({ purpose: 'marketing_sms', outcome: 'withdrawn' });
    const [state] = await database.db.select().from(consentState).where(and(eq(consentState.subjectId, person.customerId), eq(consentState.matter, 'purpose:marketing_sms')));
    expect(state?.granted).toBe(false);
    const [record] = await database.db.select().from(consentRecords).where(eq(consentRecords.id, state?.recordId ?? ''));
    expect(record).toMatchObject({ action: 'withdrawn', channel: 'sms_link', version: 1 });

    // Again: nothing new is recorded. The other channels stay as they were.
    expect((await stranger.post('/api/site/unsubscribe', { token: tokenOf(link) })).json().outcome).toBe('already_withdrawn');
    expect(await database.db.$count(consentRecords, and(eq(consentRecords.subjectId, person.customerId), eq(consentRecords.channel, 'sms_link')))).toBe(1);
    const page = (await person.client.get('/api/site/consents')).json() as { purposes: Array<{ purpose: string; granted: boolean | null }> };
    expect(page.purposes.find((entry) => entry.purpose === 'marketing_in_app')?.granted).toBe(true);

    await sendCampaign(ops, 'sms');
    expect(marketingSms.marketingTo(e164(person.phone))).toHaveLength(1);
  });

  it('R-USE-2 links cannot be guessed: only a hash is stored, and made-up, altered or expired tokens are refused without recording anything', async () => {
    const person = await signedInCustomer(app, codes);
    await decide(person.client, 'marketing_sms', 'grant');
    await sendCampaign(await operations(), 'sms');
    const token = tokenOf(marketingSms.marketingTo(e164(person.phone))[0]?.unsubscribeUrl ?? '');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await database.db.select().from(unsubscribeTokens).where(eq(unsubscribeTokens.customerId, person.customerId));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);

    const stranger = await new TestClient(app, '198.51.100.201').start();
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const guess of [altered, 'A'.repeat(43), person.customerId, person.phone, '../../api/site/consents']) {
      const response = await stranger.post('/api/site/unsubscribe', { token: guess });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('unsubscribe_link_invalid');
    }
    await database.db.update(unsubscribeTokens).set({ createdAt: sql`now() - interval '2 years'`, expiresAt: sql`now() - interval '1 second'` }).where(eq(unsubscribeTokens.customerId, person.customerId));
    expect((await stranger.post('/api/site/unsubscribe', { token })).json().code).toBe('unsubscribe_link_invalid');
    expect(await database.db.$count(consentRecords, and(eq(consentRecords.subjectId, person.customerId), eq(consentRecords.action, 'withdrawn')))).toBe(0);
    expect(scrubUrl(`/unsubscribe/${token}`)).toBe('/unsubscribe/[token]');
  });

  it('R-USE-2 an e-mail goes to the address of the 个人信息 page with its link in the text and as List-Unsubscribe; using it withdraws e-mail marketing only', async () => {
    const person = await signedInCustomer(app, codes);
    const withoutAddress = await signedInCustomer(app, codes);
    const address = `reader.${Date.now()}@example.cn`;
    expect((await person.client.post('/api/site/account/profile', { email: address })).statusCode).toBe(200);
    for (const { client } of [person, withoutAddress]) await decide(client, 'marketing_email', 'grant');
    await decide(person.client, 'marketing_sms', 'grant');
    const campaign = await sendCampaign(await operations(), 'email');
    expect(campaign).toMatchObject({ status: 'sent', sentCount: 1 });
    expect(await database.db.$count(marketingDeliveries, and(eq(marketingDeliveries.customerId, withoutAddress.customerId), eq(marketingDeliveries.status, 'no_address')))).toBe(1);
    const sent = (await readEmailOutbox(emailFile)).find((entry) => entry.to === address);
    expect(sent?.text).toContain(sent?.unsubscribeUrl ?? 'missing');
    expect(sent?.headers['List-Unsubscribe']).toBe(`<${sent?.unsubscribeUrl}>`);
    const result = await new TestClient(app, '198.51.100.202').start().then((client) => client.post('/api/site/unsubscribe', { token: tokenOf(sent?.unsubscribeUrl ?? '') }));
    expect(result.json()).toEqual({ purpose: 'marketing_email', outcome: 'withdrawn' });
    const states = await database.db.select().from(consentState).where(eq(consentState.subjectId, person.customerId));
    expect(Object.fromEntries(states.map((state) => [state.matter, state.granted]))).toMatchObject({ 'purpose:marketing_email': false, 'purpose:marketing_sms': true });
  });
});

describe('retention of marketing records', () => {
  it('R-STO-1 deliveries, messages and unsubscribe links are deleted a year after sending', async () => {
    const customerId = newId('cus');
    const old = sql`now() - interval '13 months'`;
    await database.db.insert(marketingDeliveries).values([
      { id: newId('mdl'), campaignId: 'cmp_old', customerId, channel: 'sms', status: 'sent', createdAt: old },
      { id: newId('mdl'), campaignId: 'cmp_new', customerId, channel: 'sms', status: 'sent' },
    ]);
    await database.db.insert(marketingMessages).values([
      { id: newId('msg'), customerId, campaignId: 'cmp_old', createdAt: old },
      { id: newId('msg'), customerId, campaignId: 'cmp_new' },
    ]);
    await database.db.insert(unsubscribeTokens).values([
      { tokenHash: `old-${customerId}`, customerId, purpose: 'marketing_sms', deliveryId: 'mdl_old', createdAt: old, expiresAt: sql`now() - interval '1 month'` },
      { tokenHash: `new-${customerId}`, customerId, purpose: 'marketing_sms', deliveryId: 'mdl_new', expiresAt: sql`now() + interval '11 months'` },
    ]);
    const reports = await sweepRetention(systemCtx('test.retention', 'legal_obligation'), database.db, { dryRun: false, rules: marketingSweepRules });
    expect(reports.map((report) => report.table)).toEqual(['marketing_deliveries', 'unsubscribe_tokens', 'marketing_messages']);
    expect(reports.every((report) => report.removed >= 1)).toBe(true);
    expect(await database.db.$count(marketingDeliveries, eq(marketingDeliveries.customerId, customerId))).toBe(1);
    expect(await database.db.$count(marketingMessages, eq(marketingMessages.customerId, customerId))).toBe(1);
    expect((await database.db.select().from(unsubscribeTokens).where(eq(unsubscribeTokens.customerId, customerId))).map((row) => row.tokenHash)).toEqual([`new-${customerId}`]);
  });
});
