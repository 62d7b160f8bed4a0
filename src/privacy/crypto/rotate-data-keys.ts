import { sql } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { createTask, finishTask, reportProgress } from '../../jobs/tasks/track-task.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { columnCatalogue, rowKeyColumns } from '../catalogue/classify.ts';
import { decryptFieldBytes, encryptFieldBytes } from './field-cipher.ts';
import type { Keyring } from './keyring.ts';

const BATCH = 500;

export interface RotationProgress {
  taskId: string;
  done: number;
  total: number;
}

/** Every encrypted column the catalogue declares, with the primary-key column its rows are bound to. */
export function encryptedColumns(): Array<{ table: string; column: string; key: string }> {
  return [...columnCatalogue].flatMap(([table, columns]) =>
    [...columns].filter(([, c]) => c.kind === 'personal' && c.storedAs === 'encrypted').map(([column]) => ({ table, column, key: rowKeyColumns.get(table) ?? 'id' })),
  );
}

/**
 * Re-encrypts every encrypted field still under an older key version with the current one, in
 * batches, while the platform keeps serving (each row is swapped only if it did not change meanwhile).
 * Progress goes to a background task; running it again resumes where it stopped (only rows under old
 * versions are picked). Old key versions stay readable throughout.
 */
export async function rotateDataKeys(ctx: Ctx, deps: { db: Db; keyring: Keyring }, onProgress?: (progress: RotationProgress) => void): Promise<RotationProgress> {
  const { db, keyring } = deps;
  keyring.refresh();
  const current = keyring.currentVersion;
  const columns = encryptedColumns();
  const stale = (column: string) => sql`${sql.identifier(column)} is not null and split_part(${sql.identifier(column)}, '.', 2)::int <> ${current}`;
  let total = 0;
  for (const { table, column } of columns) {
    const result = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${stale(column)}`);
    total += Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
  }
  const task = await createTask(db, 'keys.rotate', total);
  let done = 0;
  for (const { table, column, key } of columns) {
    for (;;) {
      const result = await db.execute(sql`select ${sql.identifier(key)} as id, ${sql.identifier(column)} as value from ${sql.identifier(table)} where ${stale(column)} limit ${BATCH}`);
      const rows = (result as unknown as { rows: Array<{ id: string; value: string }> }).rows;
      if (rows.length === 0) break;
      for (const row of rows) {
        const location = { table, column, rowId: row.id };
        // Byte for byte: a field may hold bytes (a kept PDF) that a round trip through text would corrupt.
        const renewed = encryptFieldBytes(keyring, location, decryptFieldBytes(keyring, location, row.value));
        await db.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${renewed} where ${sql.identifier(key)} = ${row.id} and ${sql.identifier(column)} = ${row.value}`);
      }
      done += rows.length;
      await reportProgress(db, task.id, { done, total: Math.max(total, done) });
      onProgress?.({ taskId: task.id, done, total: Math.max(total, done) });
    }
  }
  await finishTask(db, task.id, { note: `key version ${current}` });
  await recordAudit(db, ctx, { action: 'update', record: 'encrypted_fields', fields: columns.map((c) => `${c.table}.${c.column}`) });
  return { taskId: task.id, done, total: Math.max(total, done) };
}

