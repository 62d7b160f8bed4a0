import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { notUnderHold } from './legal-hold-condition.ts';

/** A table holding rows of one person, named by the column with their customer id. */
export interface ErasureTarget {
  table: string;
  keyColumn: string;
  subjectColumn: string;
}

/**
 * Every table whose rows belong to one customer and go when that customer's data is erased (a child's
 * data collected without a guardian's consent, R-MIN-2; deletion on request later). Tables that keep a
 * customer id for a legal reason instead are listed in `keptOnErasure` with that reason; a test holds
 * every catalogued customer-id column to one list or the other.
 */
export const erasureTargets: readonly ErasureTarget[] = [
  { table: 'customer_profiles', keyColumn: 'id', subjectColumn: 'id' },
  { table: 'customer_profile_changes', keyColumn: 'id', subjectColumn: 'customer_id' },
  { table: 'customer_ages', keyColumn: 'customer_id', subjectColumn: 'customer_id' },
  { table: 'guardian_consents', keyColumn: 'id', subjectColumn: 'customer_id' },
  { table: 'sessions', keyColumn: 'id', subjectColumn: 'subject_id' },
  { table: 'consent_state', keyColumn: 'record_id', subjectColumn: 'subject_id' },
  { table: 'consent_records', keyColumn: 'id', subjectColumn: 'subject_id' },
  { table: 'marketing_messages', keyColumn: 'id', subjectColumn: 'customer_id' },
  { table: 'unsubscribe_tokens', keyColumn: 'token_hash', subjectColumn: 'customer_id' },
  { table: 'marketing_deliveries', keyColumn: 'id', subjectColumn: 'customer_id' },
  { table: 'application_drafts', keyColumn: 'id', subjectColumn: 'customer_id' },
];

export const keptOnErasure: Record<string, string> = {
  customers: 'anonymised in place: other records refer to the id',
  audit_log: 'append-only audit record, kept 5 years (legal obligation)',
  disclosures: 'ledger of disclosures, kept 5 years (legal obligation)',
  legal_holds: 'the holds themselves are the legal reason to keep',
  access_alerts: 'security record of staff access',
  orders: 'insurance record (保险法 art. 87): kept to its retain-until, then swept; an unpaid order goes 30 days after it expired',
  sales: 'sales-process record (可回溯, 银保监发〔2020〕26号), kept with its order',
};

/** Deletes the person's rows from every erasure target, except rows a legal hold in force covers. */
export async function eraseSubjectRows(tx: DbOrTx, subjectId: string): Promise<{ erased: Record<string, number>; held: number }> {
  const erased: Record<string, number> = {};
  let held = 0;
  for (const target of erasureTargets) {
    const table = sql.identifier(target.table);
    const ofSubject = sql`${table}.${sql.identifier(target.subjectColumn)} = ${subjectId}`;
    const rule = { table: target.table, keyColumn: target.keyColumn, subjectColumn: target.subjectColumn };
    const heldRows = await tx.execute(sql`select count(*)::int as n from ${table} where ${ofSubject} and not (${notUnderHold(rule)})`);
    held += Number((heldRows as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
    const result = await tx.execute(sql`delete from ${table} where ${ofSubject} and ${notUnderHold(rule)} returning 1`);
    erased[target.table] = (result as unknown as { rows: unknown[] }).rows.length;
  }
  return { erased, held };
}
