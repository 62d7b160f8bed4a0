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
  yieldBetweenSlices(client);
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

type ProtocolRun = (...args: unknown[]) => Promise<unknown>;

/** Longest run of back-to-back queries before the event loop gets a turn. */
const SLICE_MS = 10;

/**
 * PGlite runs each query synchronously on the server's own thread, and a query queued behind
 * another starts from a promise, so under load the queued queries of every request in flight ran
 * back to back in one drain of the microtask queue, and Node took one new connection per drain
 * (measured: a new connection waited 20 s while 128 buyers kept PGlite busy, while kept-alive ones
 * were answered in 0.4 s). A query that would extend a run of queries past SLICE_MS first yields to
 * the event loop, so connections are accepted and requests read between slices. Yielding before
 * every query did the same for latency but halved the purchases per second (measured), hence the
 * slice.
 *
 * The yield comes at the start of PGlite's two protocol entry points (every query, exec and
 * transaction statement goes through one of them), before either sets the per-query state it keeps
 * on the instance: from there on a query runs to its end without awaiting anything of ours, as
 * before, so nothing PGlite runs outside its query lock (closing does) can come in between.
 */
function yieldBetweenSlices(client: PGlite): void {
  const target = client as unknown as Record<'execProtocol' | 'execProtocolStream', ProtocolRun>;
  let sliceStart = performance.now();
  for (const name of ['execProtocol', 'execProtocolStream'] as const) {
    const run = target[name].bind(client);
    target[name] = async (...args) => {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      return run(...args);
    };
  }
}

function lockStorage(storage: string) {
  fs.mkdirSync(storage, { recursive: true });
  return acquireDirectoryLock(storage);
}
