import type PgBoss from 'pg-boss';
import type { Database } from '../db/types.ts';

/**
 * Lets pg-boss run on our own database handle instead of opening its own pool: one set of
 * connections for PostgreSQL, and the only way at all for PGlite, which has a single in-process
 * connection. Parameterless text goes through `exec` because pg-boss sends its schema as several
 * statements in one string, which the extended query protocol refuses.
 */
export function pgBossDb(database: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return { rows: await database.query(text, values) };
      return { rows: await database.exec(text) };
    },
  };
}
