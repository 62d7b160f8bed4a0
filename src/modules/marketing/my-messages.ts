import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { MyMessage } from '../../shared/marketing.ts';
import { marketingCampaigns, marketingMessages } from './schema.ts';

function customerOf(ctx: Ctx): string {
  if (ctx.actor.type !== 'customer') throw new AppError('unauthorized', 'Customer session required for messages');
  return ctx.actor.id;
}

/** The signed-in customer's in-app marketing messages, newest first, in the language of the request. */
export async function listMyMessages(ctx: Ctx, language: Language, db: DbOrTx): Promise<MyMessage<Date>[]> {
  const customerId = customerOf(ctx);
  const rows = await db
    .select({ id: marketingMessages.id, at: marketingMessages.createdAt, readAt: marketingMessages.readAt, titleZh: marketingCampaigns.titleZh, titleEn: marketingCampaigns.titleEn, textZh: marketingCampaigns.textZh, textEn: marketingCampaigns.textEn })
    .from(marketingMessages)
    .innerJoin(marketingCampaigns, eq(marketingCampaigns.id, marketingMessages.campaignId))
    .where(eq(marketingMessages.customerId, customerId))
    .orderBy(desc(marketingMessages.createdAt))
    .limit(100);
  return rows.map((row) => ({
    id: row.id,
    title: language === 'en' ? row.titleEn : row.titleZh,
    text: language === 'en' ? row.textEn : row.textZh,
    at: row.at,
    isRead: row.readAt !== null,
  }));
}

/** Marks every unread message of the signed-in customer read (the page was opened). */
export async function markMyMessagesRead(ctx: Ctx, db: DbOrTx): Promise<number> {
  const customerId = customerOf(ctx);
  const updated = await db
    .update(marketingMessages)
    .set({ readAt: sql`now()` })
    .where(and(eq(marketingMessages.customerId, customerId), isNull(marketingMessages.readAt)))
    .returning({ id: marketingMessages.id });
  return updated.length;
}
