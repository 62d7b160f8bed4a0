import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type * as schema from './schema.ts';

export type Schema = typeof schema;
export type DatabaseKind = 'pglite' | 'postgres';

/** The Drizzle API every domain uses; the same type whether PGlite or PostgreSQL is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Use cases take either: they join the caller's transaction when given one. */
export type DbOrTx = Db | Tx;

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** One parameterised statement, for infrastructure that does not go through Drizzle (pg-boss). */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** One or several statements without parameters (PGlite needs `exec` for these); rows of the last. */
  exec(text: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}
