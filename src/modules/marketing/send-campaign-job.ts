import type { JobDefinition } from '../../jobs/job-definition.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { CAMPAIGN_SEND_TASK } from './request-campaign-send.ts';
import { runCampaignSend } from './send-campaign.ts';

/**
 * Sends one campaign, queued from the console. Retried after a crash, it skips everyone it already
 * handled (one delivery row per person), so nobody gets a campaign twice. Not retried after a
 * refusal (no agreement with the SMS service): that needs a person to fix the registry first.
 */
export const sendCampaignJob: JobDefinition = {
  name: CAMPAIGN_SEND_TASK,
  retryLimit: 2,
  async handler(data, { database, keyring, logger, outbound }) {
    if (!outbound) throw new Error('marketing.send-campaign needs the outbound services (SMS, e-mail, public address)');
    const campaignId = typeof data.campaignId === 'string' ? data.campaignId : '';
    const outcome = await runCampaignSend(systemCtx(CAMPAIGN_SEND_TASK, 'marketing'), campaignId, { db: database.db, keyring, ...outbound });
    logger.info({ campaignId, ...outcome }, 'campaign sent');
  },
};
