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

  it('R-SEC-2 R-SEC-5 R-STO-1 the privacy commands run on a real installation: keys:rotate with progress, audit:verify, retention:sweep, privacy:data-map', async () => {
    const server = await startServerProcess();
    try {
      // A customer registers through the API (demo SMS: the code comes back in the answer).
      const session = await fetch(`${server.url}/api/site/session`);
      const csrf = (await session.json()).csrfToken as string;
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `bt_csrf=${csrf}` };
      const sent = await (await fetch(`${server.url}/api/site/auth/code`, { method: 'POST', headers, body: JSON.stringify({ phone: '13912345678' }) })).json();
      const signedIn = await fetch(`${server.url}/api/site/auth/sign-in`, { method: 'POST', headers, body: JSON.stringify({ phone: '13912345678', code: sent.demoCode }) });
      expect(signedIn.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const env = { DATA_DIR: server.dataDir };
    const rotated = await runCli(['keys:rotate'], env);
    expect(rotated.code).toBe(0);
    expect(rotated.output).toContain('Added data key version 2');
    expect(rotated.output).toMatch(/re-encrypted 1 of 1 fields/);
    const verified = await runCli(['audit:verify'], env);
    expect(verified.code).toBe(0);
    expect(verified.output).toMatch(/Audit log intact: \d+ entries verified/);
    const sweep = await runCli(['retention:sweep', '--dry-run'], env);
    expect(sweep.code).toBe(0);
    expect(sweep.output).toContain('sms_challenges');
    const dataMap = await runCli(['privacy:data-map'], env);
    expect(JSON.parse(dataMap.output).categories.map((c: { category: string }) => c.category)).toContain('contact.phone');
    // The server starts on the rotated key file (its reads are covered by the rotation DB test).
    const again = await startServerProcess({ DATA_DIR: server.dataDir });
    expect(await again.stop()).toBe(0);
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
