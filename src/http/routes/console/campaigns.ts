import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createCampaign, getCampaign, listCampaigns, type CampaignWithProgress } from '../../../modules/marketing/manage-campaigns.ts';
import { requestCampaignSend } from '../../../modules/marketing/request-campaign-send.ts';
import { CAMPAIGN_TEXT_MAX, CAMPAIGN_TITLE_MAX, campaignChannels, campaignStatuses, SMS_TEXT_MAX } from '../../../shared/marketing.ts';

const NullableTimestamp = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const CampaignReply = Type.Object({
  id: Type.String(),
  channel: Type.Enum(campaignChannels),
  titleZh: Type.String(),
  titleEn: Type.String(),
  textZh: Type.String(),
  textEn: Type.String(),
  status: Type.Enum(campaignStatuses),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  sentBy: Type.Union([Type.String(), Type.Null()]),
  sendRequestedAt: NullableTimestamp,
  finishedAt: NullableTimestamp,
  sentCount: Type.Integer(),
  skippedCount: Type.Integer(),
  failedCount: Type.Integer(),
  errorCode: Type.Union([Type.String(), Type.Null()]),
  progress: Type.Union([Type.Object({ status: Type.String(), done: Type.Integer(), total: Type.Union([Type.Integer(), Type.Null()]) }), Type.Null()]),
});
const CampaignId = Type.Object({ campaignId: Type.String({ pattern: '^cmp_[0-9a-z]{26}$' }) });
const iso = (date: Date | null) => date?.toISOString() ?? null;
const present = (campaign: CampaignWithProgress) => ({
  ...campaign,
  createdAt: campaign.createdAt.toISOString(),
  sendRequestedAt: iso(campaign.sendRequestedAt),
  finishedAt: iso(campaign.finishedAt),
});

/** Marketing campaigns for operations (R-USE-2): write one per channel, send it as a job, follow its progress. */
export const consoleCampaignRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = () => fastify.services.database.db;

  fastify.get('/api/console/campaigns', { schema: { tags: ['console'], summary: 'Marketing campaigns, newest first, with send progress', response: { 200: Type.Array(CampaignReply) } } }, async (request) =>
    (await listCampaigns(request.ctx('marketing'), db())).map(present),
  );

  fastify.get(
    '/api/console/campaigns/:campaignId',
    { schema: { tags: ['console'], summary: 'One campaign and the progress of its send', params: CampaignId, response: { 200: CampaignReply } } },
    async (request) => present(await getCampaign(request.ctx('marketing'), request.params.campaignId, db())),
  );

  fastify.post(
    '/api/console/campaigns',
    {
      schema: {
        tags: ['console'],
        summary: `Write a campaign for one channel in zh-CN and English (SMS text at most ${SMS_TEXT_MAX} characters)`,
        body: Type.Object({
          channel: Type.Enum(campaignChannels),
          titleZh: Type.String({ minLength: 1, maxLength: CAMPAIGN_TITLE_MAX }),
          titleEn: Type.String({ minLength: 1, maxLength: CAMPAIGN_TITLE_MAX }),
          textZh: Type.String({ minLength: 1, maxLength: CAMPAIGN_TEXT_MAX }),
          textEn: Type.String({ minLength: 1, maxLength: CAMPAIGN_TEXT_MAX }),
        }),
        response: { 201: CampaignReply },
      },
    },
    async (request, reply) => {
      const campaign = await createCampaign(request.ctx('marketing'), request.body, db());
      return reply.code(201).send(present({ ...campaign, progress: null }));
    },
  );

  fastify.post(
    '/api/console/campaigns/:campaignId/send',
    {
      schema: {
        tags: ['console'],
        summary: 'Send a draft campaign to everyone whose consent for its channel is in force at the moment of sending',
        params: CampaignId,
        response: { 202: Type.Object({ taskId: Type.String() }) },
      },
    },
    async (request, reply) => {
      const jobs = fastify.services.jobs;
      const enqueue = jobs ? (name: string, data: Record<string, unknown>) => jobs.send(name, data) : null;
      return reply.code(202).send(await requestCampaignSend(request.ctx('marketing'), request.params.campaignId, { db: db(), enqueue }));
    },
  );
};
