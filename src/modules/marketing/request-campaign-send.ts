import { and, eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { createTask, finishTask } from '../../jobs/tasks/track-task.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { marketingCampaigns } from './schema.ts';

export const CAMPAIGN_SEND_TASK = 'marketing.send-campaign';

/** Queues work by job name (the job system's send); null when this process has no job system. */
export type EnqueueJob = ((name: string, data: Record<string, unknown>) => Promise<string | null>) | null;

/**
 * Operations send a draft campaign: it becomes queued with a progress task, and the sending job goes
 * through the people whose consent for the channel is in force (send-campaign.ts). A campaign is sent
 * once; sending needs the job system, since a large audience must not hang on one request.
 */
export async function requestCampaignSend(ctx: Ctx, campaignId: string, deps: { db: Db; enqueue: EnqueueJob }): Promise<{ taskId: string }> {
  const staff = authorizeStaff(ctx.actor, 'marketing.campaigns.manage');
  const enqueue = deps.enqueue;
  if (!enqueue) throw new AppError('jobs_unavailable', 'Campaign send requested on a process without the job system');
  const taskId = await inTransaction(deps.db, async (tx) => {
    const [campaign] = await tx.select({ status: marketingCampaigns.status }).from(marketingCampaigns).where(eq(marketingCampaigns.id, campaignId)).for('update');
    if (!campaign) throw new AppError('not_found', 'No such campaign');
    if (campaign.status !== 'draft') throw new AppError('campaign_not_draft', `Campaign is ${campaign.status}`);
    const task = await createTask(tx, CAMPAIGN_SEND_TASK);
    await tx
      .update(marketingCampaigns)
      .set({ status: 'queued', sentBy: staff.id, sendRequestedAt: sql`now()`, taskId: task.id })
      .where(and(eq(marketingCampaigns.id, campaignId), eq(marketingCampaigns.status, 'draft')));
    await recordAudit(tx, ctx, { action: 'update', record: `marketing_campaigns/${campaignId}`, fields: ['status:queued'] });
    return task.id;
  });
  try {
    await enqueue(CAMPAIGN_SEND_TASK, { campaignId });
  } catch (error) {
    // Not queued: back to a draft that can be sent again, rather than queued forever.
    await deps.db.update(marketingCampaigns).set({ status: 'draft', taskId: null, sentBy: null, sendRequestedAt: null }).where(eq(marketingCampaigns.id, campaignId));
    await finishTask(deps.db, taskId, { errorCode: 'not_queued' });
    throw error;
  }
  return { taskId };
}
