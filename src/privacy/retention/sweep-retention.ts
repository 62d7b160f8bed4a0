import { sql } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { accountsSweepRules } from '../../modules/accounts/retention.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { SweepRule } from './sweep-rule.ts';

/** Every domain's sweep rules. */
export const sweepRules: readonly SweepRule[] = [...accountsSweepRules];

const BATCH = 2000;

export interface SweepReport {
  table: string;
  rule: string;
  removed: number;
}

/**
 * Removes what is past its retention (R-STO-1), table by table in batches so a large backlog never
 * holds a long lock. A dry run counts without removing. Each table's removal is audited with its count.
 */
export async function sweepRetention(
  ctx: Ctx,
  db: Db,
  options: { dryRun: boolean; onProgress?: (report: SweepReport) => void; rules?: readonly SweepRule[] } = { dryRun: false },
): Promise<SweepReport[]> {
  const reports: SweepReport[] = [];
  for (const rule of options.rules ?? sweepRules) {
    const report = { table: rule.table, rule: rule.rule, removed: options.dryRun ? await countExpired(db, rule) : await removeExpired(db, rule, options.onProgress) };
    reports.push(report);
    options.onProgress?.(report);
    if (!options.dryRun && report.removed > 0) {
      await recordAudit(db, ctx, { action: 'delete', record: rule.table, fields: [`retention:${rule.rule}`, `rows:${report.removed}`] });
    }
  }
  return reports;
}

async function countExpired(db: Db, rule: SweepRule): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(rule.table)} where ${rule.expired}`);
  return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
}

async function removeExpired(db: Db, rule: SweepRule, onProgress?: (report: SweepReport) => void): Promise<number> {
  let removed = 0;
  for (;;) {
    const key = sql.identifier(rule.keyColumn);
    const table = sql.identifier(rule.table);
    const result = await db.execute(sql`delete from ${table} where ${key} in (select ${key} from ${table} where ${rule.expired} limit ${BATCH}) returning 1`);
    const count = (result as unknown as { rows: unknown[] }).rows.length;
    removed += count;
    if (count < BATCH) return removed;
    onProgress?.({ table: rule.table, rule: rule.rule, removed });
  }
}
