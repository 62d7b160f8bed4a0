import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startServerProcess } from '../support/server-process.ts';
import { createPostgresTestDatabase } from '../support/test-database.ts';

describe('starting and stopping the server', () => {
  it('a bad PORT or DATABASE_URL stops the start with a readable list, exit code 1 and no stack trace', async () => {
    const { code, output } = await runCli(['start', '--no-build'], { PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter22@db/x' });
    expect(code).toBe(1);
    expect(output).toContain('PORT: "eighty" is not valid');
    expect(output).toContain('DATABASE_URL');
    expect(output).toContain('fix:');
    expect(output).not.toContain('hunter22');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('an unreachable PostgreSQL is reported plainly, without the password', async () => {
    const { code, output } = await runCli(['start', '--no-build'], { DATABASE_URL: 'postgres://besttrav:s3cret-pw@127.0.0.1:9/besttrav' });
    expect(code).toBe(1);
    expect(output).toContain('nothing answers at that host and port');
    expect(output).not.toContain('s3cret-pw');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('config:check and migrate work on the embedded database; a second server on the same data is refused', async () => {
    const server = await startServerProcess();
    try {
      const second = await runCli(['migrate'], { DATA_DIR: server.dataDir });
      expect(second.code).toBe(1);
      expect(second.output).toContain('another Besttrav process');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const check = await runCli(['config:check'], { DATA_DIR: server.dataDir });
    expect(check.code).toBe(0);
    expect(check.output).toContain('migrations applied');
    expect(fs.existsSync(path.join(server.dataDir, 'pglite', 'besttrav.lock'))).toBe(false);
  });

  it('stops gracefully on SIGTERM and starts again on the same data without migrating twice', async () => {
    const first = await startServerProcess();
    expect(await first.stop()).toBe(0);
    const again = await startServerProcess({ DATA_DIR: first.dataDir });
    try {
      const ready = await (await fetch(`${again.url}/readyz`)).json();
      expect(ready.checks.migrations.status).toBe('ok');
      expect(again.output()).not.toContain('migration applied');
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('the same server on PostgreSQL (DATABASE_URL) passes /readyz', async () => {
    const database = await createPostgresTestDatabase({ migrated: false });
    try {
      const server = await startServerProcess({ DATABASE_URL: database.url as string });
      try {
        const ready = await (await fetch(`${server.url}/readyz`)).json();
        expect(ready).toMatchObject({ status: 'ready', checks: { database: { kind: 'postgres' } } });
      } finally {
        expect(await server.stop()).toBe(0);
      }
    } finally {
      await database.close();
    }
  });
});
