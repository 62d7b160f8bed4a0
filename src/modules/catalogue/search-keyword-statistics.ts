import { desc, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { beijingDay } from './beijing-day.ts';
import { searchKeywords } from './schema.ts';

// A keyword typed only once or twice may be something personal that slipped past the shape checks: it is never shown.
export const MIN_SHOWN_COUNT = 3;

/** The most searched keywords of the last `days` days (R-POL-2), each searched at least MIN_SHOWN_COUNT times. */
export async function searchKeywordStatistics(ctx: Ctx, db: DbOrTx, input: { days: number; limit: number }, now = new Date()): Promise<Array<{ keyword: string; count: number }>> {
  authorizeStaff(ctx.actor, 'catalogue.read');
  const since = beijingDay(new Date(now.getTime() - (input.days - 1) * 86_400_000));
  const total = sql<number>`sum(${searchKeywords.count})::int`;
  return db
    .select({ keyword: searchKeywords.keyword, count: total })
    .from(searchKeywords)
    .where(gte(searchKeywords.day, since))
    .groupBy(searchKeywords.keyword)
    .having(gte(total, MIN_SHOWN_COUNT))
    .orderBy(desc(total), searchKeywords.keyword)
    .limit(input.limit);
}
