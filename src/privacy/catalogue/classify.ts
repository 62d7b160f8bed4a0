import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Purpose } from '../access/context.ts';
import type { DataCategory, LegalBasis } from './categories.ts';
import type { RetentionRule } from './retention-rules.ts';

/** What a column holding personal information is, why it is processed, on what basis, for how long. */
export interface PersonalColumn {
  kind: 'personal';
  category: DataCategory;
  purposes: readonly Purpose[];
  basis: LegalBasis;
  retention: RetentionRule;
  /** How it is protected at rest: encrypted per field, a keyed hash (blind index / HMAC), or plain. */
  storedAs: 'encrypted' | 'keyed_hash' | 'hash' | 'plain';
}

export interface NotPersonalColumn {
  kind: 'not_personal';
  /** Why not: a status, a count, a time of a system event … */
  why: string;
}

export type ColumnClassification = PersonalColumn | NotPersonalColumn;

export function pi(declaration: Omit<PersonalColumn, 'kind'>): PersonalColumn {
  return { kind: 'personal', ...declaration };
}

export function notPersonal(why: string): NotPersonalColumn {
  return { kind: 'not_personal', why };
}

/** table name → column name → classification, filled by classify() next to each schema. */
export const columnCatalogue = new Map<string, Map<string, ColumnClassification>>();

/**
 * table name → its single primary-key column: the row id that encrypted fields are bound to (their
 * additional authenticated data). Tables with a composite key hold no encrypted field.
 */
export const rowKeyColumns = new Map<string, string>();

/**
 * Declares every column of a table. The map must name every column of the table (TypeScript
 * enforces it), and the catalogue test checks the live database has no column left out.
 */
export function classify<T extends PgTable>(table: T, columns: { [K in keyof T['_']['columns']]: ColumnClassification }): void {
  const byName = new Map<string, ColumnClassification>();
  for (const [key, classification] of Object.entries(columns) as Array<[string, ColumnClassification]>) {
    // The table object carries its columns under their TypeScript keys; the database knows their names.
    const column = (table as unknown as Record<string, { name: string }>)[key];
    byName.set(column?.name ?? key, classification);
  }
  const config = getTableConfig(table);
  columnCatalogue.set(config.name, byName);
  const primary = config.columns.find((column) => column.primary);
  if (primary) rowKeyColumns.set(config.name, primary.name);
}

/** Tables that are not ours to shape (pg-boss, the migration ledger), declared as a whole. */
export const infrastructureTables: Record<string, string> = {
  besttrav_migrations: 'migration ledger: names and hashes of applied migrations',
};
export const infrastructureSchemas: Record<string, string> = {
  pgboss: 'job queue: job names, schedules and ids of records to process; no personal values are put in job data',
};
