import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { scrubText } from '../../privacy/redaction/scrub.ts';
import { beijingDay } from './beijing-day.ts';
import { searchKeywords } from './schema.ts';

export const KEYWORD_MAX_LENGTH = 40;
// Part of a document or card number is as personal as the whole: long digit runs are never kept.
const LONG_NUMBER = /\d{6,}/;

/** Folds full-width forms, case and runs of spaces, so 「申根」 and 「 申根 」 count as one keyword. */
export function normaliseKeyword(raw: string): string {
  return [...raw.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()].slice(0, KEYWORD_MAX_LENGTH).join('');
}

/**
 * Counts one search for statistics (R-POL-2). It takes no access context on purpose: nothing about
 * who searched — person, session, visitor, IP, time of day — can reach the table, which holds only
 * keyword, day and count. A keyword shaped like personal information (a phone, ID, passport or card
 * number, an e-mail address, any run of six or more digits) is not counted at all. Returns whether it was counted.
 */
export async function countSearchKeyword(db: DbOrTx, raw: string, now = new Date()): Promise<boolean> {
  const keyword = normaliseKeyword(raw);
  if (keyword === '' || scrubText(keyword) !== keyword || LONG_NUMBER.test(keyword)) return false;
  await db
    .insert(searchKeywords)
    .values({ keyword, day: beijingDay(now), count: 1 })
    .onConflictDoUpdate({ target: [searchKeywords.keyword, searchKeywords.day], set: { count: sql`${searchKeywords.count} + 1` } });
  return true;
}
