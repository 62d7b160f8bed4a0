import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { backgroundTasks } from '../../jobs/tasks/schema.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { newId } from '../../shared/ids.ts';
import { SMS_TEXT_MAX, type CampaignInput } from '../../shared/marketing.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { marketingCampaigns } from './schema.ts';

export type Campaign = typeof marketingCampaigns.$inferSelect;
export interface CampaignWithProgress extends Campaign {
  progress: { status: string; done: number; total: number | null } | null;
}

/** Operations write a campaign for one channel, in both languages (R-USE-2). It is a draft until sent. */
export async function createCampaign(ctx: Ctx, input: CampaignInput, db: DbOrTx): Promise<Campaign> {
  const staff = authorizeStaff(ctx.actor, 'marketing.campaigns.manage');
  const values = { channel: input.channel, titleZh: input.titleZh.trim(), titleEn: input.titleEn.trim(), textZh: input.textZh.trim(), textEn: input.textEn.trim() };
  const errors = (['titleZh', 'titleEn', 'textZh', 'textEn'] as const).filter((field) => values[field] === '').map((field) => ({ pointer: `/body/${field}`, detail: 'required' }));
  if (input.channel === 'sms') {
    for (const field of ['textZh', 'textEn'] as const) if (values[field].length > SMS_TEXT_MAX) errors.push({ pointer: `/body/${field}`, detail: `≤ ${SMS_TEXT_MAX}` });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'Campaign text missing or too long', { errors });
  const [campaign] = await db.insert(marketingCampaigns).values({ id: newId('cmp'), ...values, createdBy: staff.id }).returning();
  if (!campaign) throw new Error('insert returned no row');
  await recordAudit(db, ctx, { action: 'create', record: `marketing_campaigns/${campaign.id}`, fields: ['channel', 'title', 'text'] });
  return campaign;
}

/** Campaigns, newest first, each with the progress of its send. */
export async function listCampaigns(ctx: Ctx, db: DbOrTx): Promise<CampaignWithProgress[]> {
  authorizeStaff(ctx.actor, 'marketing.campaigns.read');
  return campaignsWithProgress(db);
}

/** The same list for the operator's CLI, which has the database itself and no staff session. */
export async function campaignsWithProgress(db: DbOrTx): Promise<CampaignWithProgress[]> {
  const rows = await db
    .select({ campaign: marketingCampaigns, task: { status: backgroundTasks.status, done: backgroundTasks.done, total: backgroundTasks.total } })
    .from(marketingCampaigns)
    .leftJoin(backgroundTasks, eq(backgroundTasks.id, marketingCampaigns.taskId))
    .orderBy(desc(marketingCampaigns.createdAt))
    .limit(200);
  return rows.map(({ campaign, task }) => ({ ...campaign, progress: task }));
}

export async function getCampaign(ctx: Ctx, campaignId: string, db: DbOrTx): Promise<CampaignWithProgress> {
  authorizeStaff(ctx.actor, 'marketing.campaigns.read');
  const [row] = await db
    .select({ campaign: marketingCampaigns, task: { status: backgroundTasks.status, done: backgroundTasks.done, total: backgroundTasks.total } })
    .from(marketingCampaigns)
    .leftJoin(backgroundTasks, eq(backgroundTasks.id, marketingCampaigns.taskId))
    .where(eq(marketingCampaigns.id, campaignId));
  if (!row) throw new AppError('not_found', 'No such campaign');
  return { ...row.campaign, progress: row.task };
}
