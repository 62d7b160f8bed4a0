import type { Database } from '../../src/db/types.ts';

/**
 * Everything the database holds, as text: every row of every table in every schema (ours, pg-boss,
 * the migration ledger), the way a leaked dump would show it.
 */
export async function dumpDatabase(database: Database): Promise<string> {
  const tables = await database.query<{ schema: string; table: string }>(
    `select table_schema as schema, table_name as table from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const parts: string[] = [];
  for (const { schema, table } of tables) {
    const rows = await database.query<{ row: string }>(`select row_to_json(t)::text as row from "${schema}"."${table}" t`);
    parts.push(`-- ${schema}.${table}\n${rows.map((r) => r.row).join('\n')}`);
  }
  return parts.join('\n');
}
