import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';

let database: TestDatabase;
let app: FastifyInstance;
let webRoot: string;

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'besttrav-web-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Besttrav</title>');
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'assets', 'app-1a2b3c.js'), 'export {};');
  database = await createTestDatabase();
  ({ app } = await buildTestApp({ database, webRoot }));
});
afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

const page = { accept: 'text/html,application/xhtml+xml' };
const csrfCookieOf = (setCookie: string | string[] | undefined) => [setCookie ?? []].flat().find((cookie) => cookie.startsWith('bt_csrf='));

describe('the web app’s pages', () => {
  it('R-SEC-1 a first page carries the CSRF cookie, so the app’s first requests never race for a token', async () => {
    for (const url of ['/', '/unsubscribe/abc', '/account/profile']) {
      const response = await app.inject({ url, headers: page });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(csrfCookieOf(response.headers['set-cookie'])).toMatch(/^bt_csrf=[A-Za-z0-9_-]{43}; Path=\/; SameSite=Strict$/);
    }
  });

  it('R-SEC-1 a page keeps the token the browser already holds, and assets set no cookie', async () => {
    const token = 'k'.repeat(43);
    const again = await app.inject({ url: '/orders', headers: { ...page, cookie: `bt_csrf=${token}` } });
    expect(again.statusCode).toBe(200);
    expect(csrfCookieOf(again.headers['set-cookie'])).toBeUndefined();
    const asset = await app.inject({ url: '/assets/app-1a2b3c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['set-cookie']).toBeUndefined();
  });

  it('an API address that does not exist is a problem, not the app', async () => {
    const response = await app.inject({ url: '/api/nothing-here', headers: page });
    expect(response.statusCode).toBe(404);
    expect(csrfCookieOf(response.headers['set-cookie'])).toBeUndefined();
  });
});
