import type { SQL } from 'drizzle-orm';
import type { RetentionRule } from '../catalogue/retention-rules.ts';

/**
 * One table's part of the retention schedule: which rows are past their retention (`expired`, a SQL
 * condition on the row's own dates) and how they go — deleted outright, since none of these tables
 * holds a record the law requires us to keep. Insurance records will add anonymising rules and holds.
 */
export interface SweepRule {
  table: string;
  keyColumn: string;
  rule: RetentionRule;
  expired: SQL;
}
