import type { SQL } from 'drizzle-orm';
import type { RetentionRule } from '../catalogue/retention-rules.ts';

/**
 * One table's part of the retention schedule: which rows are past their retention (`expired`, a SQL
 * condition on the row's own dates — their computed retain-until) and how they go: deleted, or
 * anonymised (identifying values removed irreversibly, the row kept for aggregates) when other
 * records or statistics still refer to it.
 */
export interface SweepRule {
  table: string;
  keyColumn: string;
  rule: RetentionRule;
  expired: SQL;
  /** `delete` removes the row; `anonymise` runs this SET list on it instead. */
  action: { kind: 'delete' } | { kind: 'anonymise'; set: SQL };
  /**
   * The column naming whose data the row is (a customer id), when legal holds on a person apply:
   * a row of a person under an open hold is neither deleted nor anonymised. Holds on a single record
   * apply through `keyColumn` (R-STO-2: a hold blocks exactly what it covers).
   */
  subjectColumn?: string;
}
