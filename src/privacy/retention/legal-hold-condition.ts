import { sql, type SQL } from 'drizzle-orm';
import type { SweepRule } from './sweep-rule.ts';

/**
 * SQL that is true when no hold in force covers the row: neither a hold on this very record
 * (record_table + record_id) nor, for tables with a subject column, a hold on the whole person.
 * A hold is in force until released and, when it has one, until its retain-until date.
 */
export function notUnderHold(rule: Pick<SweepRule, 'table' | 'keyColumn' | 'subjectColumn'>): SQL {
  const table = sql.identifier(rule.table);
  const key = sql`${table}.${sql.identifier(rule.keyColumn)}`;
  const inForce = sql`h.released_at is null and (h.retain_until is null or h.retain_until > now())`;
  const onRecord = sql`(h.record_table = ${rule.table} and h.record_id = ${key}::text)`;
  const onPerson = rule.subjectColumn ? sql` or (h.record_table is null and h.subject_id = ${table}.${sql.identifier(rule.subjectColumn)}::text)` : sql``;
  return sql`not exists (select 1 from legal_holds h where ${inForce} and (${onRecord}${onPerson}))`;
}
