import { sql } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { accountsSweepRules } from '../../modules/accounts/retention.ts';
import { marketingSweepRules } from '../../modules/marketing/retention.ts';
import { minorsSweepRules } from '../../modules/minors/retention.ts';
import { dateChangesSweepRules } from '../../modules/date-changes/retention.ts';
import { ordersSweepRules } from '../../modules/orders/retention.ts';
import { paymentsSweepRules } from '../../modules/payments/retention.ts';
import { policiesSweepRules } from '../../modules/policies/retention.ts';
import type { Ctx } from '../access/context.ts';
import type { RetentionRule } from '../catalogue/retention-rules.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { consentSweepRules } from '../consent/retention.ts';
import { notUnderHold } from './legal-hold-condition.ts';
import type { SweepRule } from './sweep-rule.ts';

/** Every domain's sweep rules. */
// Accounts first: what goes with an anonymised account is swept in the same run.
export const sweepRules: readonly SweepRule[] = [...accountsSweepRules, ...consentSweepRules, ...marketingSweepRules, ...minorsSweepRules, ...dateChangesSweepRules, ...policiesSweepRules, ...paymentsSweepRules, ...ordersSweepRules];

const BATCH = 2000;

export interface SweepReport {
  table: string;
  rule: RetentionRule;
  action: 'delete' | 'anonymise';
  /** Rows deleted or anonymised (or, in a dry run, that would be). */
  removed: number;
  /** Rows past retention that a legal hold keeps. */
  held: number;
}

/**
 * Removes what is past its retention (R-STO-1) — deleting, or anonymising where the rule says so —
 * table by table in batches, so a large backlog never holds a long lock. Rows under a legal hold in
 * force stay (R-STO-2) and are counted as held. A dry run counts without changing anything. Each
 * table's removals are audited with their count.
 */
export async function sweepRetention(
  ctx: Ctx,
  db: Db,
  options: { dryRun: boolean; onProgress?: (report: SweepReport) => void; rules?: readonly SweepRule[] } = { dryRun: false },
): Promise<SweepReport[]> {
  const reports: SweepReport[] = [];
  for (const rule of options.rules ?? sweepRules) {
    const held = await count(db, rule, sql`not (${notUnderHold(rule)})`);
    const removed = options.dryRun ? await count(db, rule, notUnderHold(rule)) : await removeExpired(db, rule, (done) => options.onProgress?.({ ...reportOf(rule, done, held) }));
    const report = reportOf(rule, removed, held);
    reports.push(report);
    options.onProgress?.(report);
    if (!options.dryRun && removed > 0) {
      await recordAudit(db, ctx, { action: rule.action.kind === 'delete' ? 'delete' : 'update', record: rule.table, fields: [`retention:${rule.rule}`, `${rule.action.kind}:${removed}`] });
    }
  }
  return reports;
}

function reportOf(rule: SweepRule, removed: number, held: number): SweepReport {
  return { table: rule.table, rule: rule.rule, action: rule.action.kind, removed, held };
}

async function count(db: Db, rule: SweepRule, extra: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(rule.table)} where (${rule.expired}) and ${extra}`);
  return Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
}

async function removeExpired(db: Db, rule: SweepRule, onBatch: (removed: number) => void): Promise<number> {
  const key = sql.identifier(rule.keyColumn);
  const table = sql.identifier(rule.table);
  const due = sql`select ${key} from ${table} where (${rule.expired}) and ${notUnderHold(rule)} limit ${BATCH}`;
  let removed = 0;
  for (;;) {
    const statement =
      rule.action.kind === 'delete'
        ? sql`delete from ${table} where ${key} in (${due}) returning 1`
        : sql`update ${table} set ${rule.action.set} where ${key} in (${due}) returning 1`;
    const result = await db.execute(statement);
    const changed = (result as unknown as { rows: unknown[] }).rows.length;
    removed += changed;
    if (changed < BATCH) return removed;
    onBatch(removed);
  }
}
