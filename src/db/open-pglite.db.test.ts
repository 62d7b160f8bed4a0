import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../test/support/test-database.ts';
import { openPglite } from './open-pglite.ts';
import type { Database } from './types.ts';

describe.skipIf(testBackend !== 'pglite')('the embedded database under load (PGlite)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPglite(undefined);
  });
  afterAll(() => database.close());

  it('lets the event loop take its turn while queries queue, so new connections are not starved', async () => {
    // Fifty requests in flight, each sending forty statements one after another: PGlite runs them
    // back to back, each queued query started from a promise.
    let isFlooding = true;
    const flood = Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let round = 0; round < 40; round += 1) await database.query('select $1::int as n', [round]);
      }),
    ).finally(() => (isFlooding = false));
    // What Node does to accept a connection or read a request waits for a turn of the event loop;
    // it must come while the queries still run, not after all of them.
    const hadTurnDuringFlood = await new Promise<boolean>((resolve) => setImmediate(() => resolve(isFlooding)));
    await flood;
    expect(hadTurnDuringFlood).toBe(true);
  });
});
