import type { Db } from '../../db/types.ts';
import { authorizeStaff } from '../../modules/staff/policies.ts';
import type { Ctx } from '../access/context.ts';
import { retentionRules, type RetentionRule } from '../catalogue/retention-rules.ts';
import { sweepRetention } from './sweep-retention.ts';

export interface ScheduleLine {
  table: string;
  rule: RetentionRule;
  ruleText: { zh: string; en: string };
  action: 'delete' | 'anonymise';
  /** Rows past retention now, which the next sweep will delete or anonymise. */
  due: number;
  /** Rows past retention that legal holds keep. */
  held: number;
}

/** The retention schedule as it stands: per table, what is due and what holds keep (a dry run). */
export async function retentionSchedule(ctx: Ctx, db: Db): Promise<ScheduleLine[]> {
  authorizeStaff(ctx.actor, 'retention.read');
  const reports = await sweepRetention(ctx, db, { dryRun: true });
  return reports.map((report) => {
    const rule = report.rule;
    return { table: report.table, rule, ruleText: { zh: retentionRules[rule].zh, en: retentionRules[rule].en }, action: report.action, due: report.removed, held: report.held };
  });
}
