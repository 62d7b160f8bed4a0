import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { EmailProvider } from '../../integrations/email/email-provider.ts';
import type { SmsProvider } from '../../integrations/sms/sms-provider.ts';
import { finishTask, reportProgress } from '../../jobs/tasks/track-task.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { countSubjectsWithConsent, subjectsWithConsent } from '../../privacy/consent/consent-checks.ts';
import { hasConsent } from '../../privacy/consent/record-consent.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { checkDisclosure, recipientOfIntegration, recordDisclosure, type DisclosureRequest } from '../../privacy/disclosures/disclose.ts';
import { newId } from '../../shared/ids.ts';
import { consentOfChannel, type CampaignChannel, type MarketingPurpose } from '../../shared/marketing.ts';
import { accountContacts, type ContactLookup } from './contacts.ts';
import { marketingCampaigns, marketingDeliveries, marketingMessages } from './schema.ts';
import { issueUnsubscribeToken, unsubscribeUrl } from './unsubscribe-tokens.ts';

export interface CampaignSendDeps {
  db: Db;
  keyring: Keyring;
  sms: SmsProvider;
  email: EmailProvider;
  /** The site's public address, for the unsubscribe links. */
  publicUrl: string;
  contacts?: ContactLookup;
  batchSize?: number;
}

export interface CampaignOutcome {
  sent: number;
  skipped: number;
  failed: number;
}

type Campaign = typeof marketingCampaigns.$inferSelect;
type RecipientOutcome = 'sent' | 'skipped' | 'failed' | 'already_handled';

const DEFAULT_BATCH = 200;

/**
 * Sends a queued campaign (the job's work, R-USE-2): walks the people whose consent for the channel
 * is in force, batch by batch in id order, and for each one checks the consent again right before
 * sending — so a withdrawal a moment earlier, through the page or an unsubscribe link, is honoured.
 * Each message carries a one-click unsubscribe link (SMS, e-mail) or sits on the 站内消息 page with
 * a switch-off button (in-app). A delivery row per person makes a retried job skip whoever it already
 * handled; progress is the campaign's task. Handing the number to an outside SMS service is a
 * disclosure on the basis of that consent: checked against the registry and the consent, and recorded.
 */
export async function runCampaignSend(ctx: Ctx, campaignId: string, deps: CampaignSendDeps): Promise<CampaignOutcome> {
  const [campaign] = await deps.db.select().from(marketingCampaigns).where(eq(marketingCampaigns.id, campaignId));
  if (!campaign) throw new AppError('not_found', `No campaign ${campaignId}`);
  const outcome: CampaignOutcome = { sent: 0, skipped: 0, failed: 0 };
  if (campaign.status === 'sent' || campaign.status === 'failed' || campaign.status === 'draft') return outcome;
  const purpose = consentOfChannel[campaign.channel];
  const taskId = campaign.taskId;
  await deps.db.update(marketingCampaigns).set({ status: 'sending' }).where(eq(marketingCampaigns.id, campaignId));
  const total = await countSubjectsWithConsent(deps.db, purpose, 'cus');
  if (taskId) await reportProgress(deps.db, taskId, { done: 0, total });

  const sendTo = recipientSender(ctx, campaign, purpose, deps);
  let done = 0;
  try {
    for (let after: string | null = null; ; ) {
      const batch = await subjectsWithConsent(deps.db, purpose, { after, limit: deps.batchSize ?? DEFAULT_BATCH, idPrefix: 'cus' });
      for (const customerId of batch) {
        const result = await sendTo(customerId);
        if (result !== 'already_handled') outcome[result] += 1;
      }
      done += batch.length;
      if (taskId) await reportProgress(deps.db, taskId, { done, total: Math.max(total, done), note: JSON.stringify(outcome) });
      await deps.db.update(marketingCampaigns).set({ sentCount: outcome.sent, skippedCount: outcome.skipped, failedCount: outcome.failed }).where(eq(marketingCampaigns.id, campaignId));
      if (batch.length === 0 || batch.length < (deps.batchSize ?? DEFAULT_BATCH)) break;
      after = batch[batch.length - 1] ?? null;
    }
  } catch (error) {
    const errorCode = error instanceof AppError ? error.code : 'internal';
    await deps.db.update(marketingCampaigns).set({ status: 'failed', errorCode, finishedAt: sql`now()` }).where(eq(marketingCampaigns.id, campaignId));
    if (taskId) await finishTask(deps.db, taskId, { errorCode, note: JSON.stringify(outcome) });
    await recordAudit(deps.db, ctx, { action: 'update', record: `marketing_campaigns/${campaignId}`, fields: ['status:failed', `sent:${outcome.sent}`] });
    throw error;
  }
  await deps.db
    .update(marketingCampaigns)
    .set({ status: 'sent', finishedAt: sql`now()`, sentCount: outcome.sent, skippedCount: outcome.skipped, failedCount: outcome.failed })
    .where(eq(marketingCampaigns.id, campaignId));
  if (taskId) await finishTask(deps.db, taskId, { note: JSON.stringify(outcome) });
  await recordAudit(deps.db, ctx, { action: 'update', record: `marketing_campaigns/${campaignId}`, fields: ['status:sent', `sent:${outcome.sent}`, `skipped:${outcome.skipped}`, `failed:${outcome.failed}`] });
  return outcome;
}

function recipientSender(ctx: Ctx, campaign: Campaign, purpose: MarketingPurpose, deps: CampaignSendDeps): (customerId: string) => Promise<RecipientOutcome> {
  const contacts = deps.contacts ?? accountContacts(deps);
  const channel = campaign.channel;
  let recipientId: string | null | undefined;

  async function settle(deliveryId: string, status: 'sent' | 'failed' | 'no_address', facts: { providerMessageId?: string; errorCode?: string } = {}): Promise<RecipientOutcome> {
    await deps.db
      .update(marketingDeliveries)
      .set({ status, providerMessageId: facts.providerMessageId ?? null, errorCode: facts.errorCode ?? null, sentAt: status === 'sent' ? sql`now()` : null })
      .where(eq(marketingDeliveries.id, deliveryId));
    return status === 'sent' ? 'sent' : status === 'failed' ? 'failed' : 'skipped';
  }

  /** The disclosure to an outside provider, checked (registry and consent) before the message goes. */
  async function disclosureFor(customerId: string, provider: { recipientIntegration?: string }): Promise<DisclosureRequest | null> {
    const integration = provider.recipientIntegration;
    if (!integration) return null;
    recipientId ??= await recipientOfIntegration(deps.db, integration);
    const field = channel === 'sms' ? { name: 'phone', category: 'contact.phone' as const } : { name: 'email', category: 'contact.email' as const };
    const request: DisclosureRequest = { recipientId: recipientId ?? `unregistered:${integration}`, subjectKey: customerId, fields: [field], purpose: 'marketing', basis: 'consent', consent: purpose };
    await checkDisclosure(ctx, deps.db, request);
    return request;
  }

  return async (customerId) => {
    if (!(await hasConsent(deps.db, customerId, { purpose }))) return 'skipped';
    const deliveryId = newId('mdl');
    const claimed = await deps.db
      .insert(marketingDeliveries)
      .values({ id: deliveryId, campaignId: campaign.id, customerId, channel })
      .onConflictDoNothing()
      .returning({ id: marketingDeliveries.id });
    if (claimed.length === 0) return 'already_handled';

    if (channel === 'in_app') {
      if (!(await contacts.isActive(customerId))) return settle(deliveryId, 'no_address');
      await deps.db.insert(marketingMessages).values({ id: newId('msg'), customerId, campaignId: campaign.id });
      return settle(deliveryId, 'sent');
    }

    const address = channel === 'sms' ? await contacts.phoneOf(ctx, customerId) : await contacts.emailOf(ctx, customerId);
    if (address === null) return settle(deliveryId, 'no_address');
    let disclosure: DisclosureRequest | null;
    try {
      disclosure = await disclosureFor(customerId, channel === 'sms' ? deps.sms : deps.email);
    } catch (error) {
      // Consent withdrawn since the check above: skip the person. Anything else (no agreement in
      // force with the provider) stops the whole campaign: nobody may be sent to through it.
      if (error instanceof AppError && error.code === 'disclosure_refused' && !(await hasConsent(deps.db, customerId, { purpose }))) {
        await deps.db.delete(marketingDeliveries).where(and(eq(marketingDeliveries.id, deliveryId), eq(marketingDeliveries.status, 'sending')));
        return 'skipped';
      }
      await settle(deliveryId, 'failed', { errorCode: error instanceof AppError ? error.code : 'internal' });
      throw error;
    }
    const link = unsubscribeUrl(deps.publicUrl, await issueUnsubscribeToken(deps.db, { customerId, purpose, deliveryId }));
    try {
      const receipt = await sendMessage(channel, address, campaign, link, deps);
      if (disclosure) await recordDisclosure(ctx, deps.db, disclosure);
      return await settle(deliveryId, 'sent', { providerMessageId: receipt.providerMessageId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return settle(deliveryId, 'failed', { errorCode: error.code });
    }
  };
}

/**
 * SMS and e-mail go out in Chinese with the English text after it in e-mails: no language preference
 * is stored for a person. Every one ends with its unsubscribe link.
 */
async function sendMessage(channel: Exclude<CampaignChannel, 'in_app'>, address: string, campaign: Campaign, link: string, deps: CampaignSendDeps): Promise<{ providerMessageId: string }> {
  if (channel === 'sms') return deps.sms.send({ to: address, template: 'marketing', params: { text: campaign.textZh, unsubscribeUrl: link } });
  return deps.email.send({
    to: address,
    subject: `${campaign.titleZh} | ${campaign.titleEn}`,
    text: `${campaign.textZh}\n\n${campaign.textEn}\n\n退订 / Unsubscribe: ${link}`,
    unsubscribeUrl: link,
  });
}
