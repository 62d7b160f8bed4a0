import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { AppError } from '../errors/app-error.ts';
import * as schema from './schema.ts';
import { acquireDirectoryLock } from './directory-lock.ts';
import type { Database, Db } from './types.ts';

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, stored under DATA_DIR/pglite.
 * `dataDir` undefined gives an in-memory database (tests). One process at a time may open a
 * directory — a second writer would corrupt it — so the directory is locked while open.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const storage = dataDir === undefined ? undefined : path.join(dataDir, 'pglite');
  const lock = storage === undefined ? undefined : lockStorage(storage);
  let client: PGlite;
  try {
    client = storage === undefined ? await PGlite.create() : await PGlite.create(storage);
  } catch (error) {
    lock?.release();
    throw new AppError('database_unreachable', 'Could not open the embedded PGlite database', {
      params: { reason: 'the embedded database could not be opened (see the log)' },
      cause: error,
    });
  }
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await client.query<Row>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      const results = await client.exec(text);
      return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
    },
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

function lockStorage(storage: string) {
  fs.mkdirSync(storage, { recursive: true });
  return acquireDirectoryLock(storage);
}
