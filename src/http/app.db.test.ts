import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildTestApp, type CapturedLog } from '../../test/support/test-app.ts';
import { AppError } from '../errors/app-error.ts';

let database: TestDatabase;
let app: FastifyInstance;
let log: CapturedLog;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, log } = await buildTestApp({
    database,
    extend(fastify) {
      // Routes that exist only in this test, to reach the error paths every real route shares.
      fastify.post(
        '/api/test/echo',
        { schema: { body: Type.Object({ phone: Type.String({ pattern: '^1[3-9]\\d{9}$' }), count: Type.Integer({ minimum: 1 }) }) } },
        async (request) => request.body,
      );
      fastify.get('/api/test/crash', async () => {
        throw new Error('connection to 10.0.0.7 failed: password for db_admin expired');
      });
      fastify.get('/api/test/conflict', async () => {
        throw new AppError('conflict', 'Version 3 expected, found 4');
      });
    },
  }));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('health and readiness', () => {
  it('/healthz answers while the process is up', async () => {
    const response = await app.inject('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', version: expect.any(String) });
  });

  it('/readyz is ready when the database answers and every migration is applied', async () => {
    const response = await app.inject('/readyz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', checks: { database: { status: 'ok', kind: database.kind }, migrations: { status: 'ok' } } });
  });

  it('/readyz is not ready on a database whose migrations are pending', async () => {
    const fresh = await createTestDatabase({ migrated: false });
    const { app: unmigrated } = await buildTestApp({ database: fresh });
    try {
      const response = await unmigrated.inject('/readyz');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'not_ready', checks: { migrations: { status: 'error', applied: 0 } } });
    } finally {
      await unmigrated.close();
      await fresh.close();
    }
  });
});

describe('errors as problem documents', () => {
  it('R-PLAT-1 an unknown API address is a 404 problem in Chinese by default and in English on request', async () => {
    const zh = await app.inject('/api/nothing-here');
    expect(zh.statusCode).toBe(404);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ type: 'urn:besttrav:problem:not_found', status: 404, code: 'not_found', title: '未找到' });
    const en = await app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.json()).toMatchObject({ title: 'Not found', instance: en.headers['x-request-id'] });
  });

  it('R-PLAT-1 validation errors point at each field, in the person language, without echoing the value', async () => {
    const body = { phone: '12345', count: 0 };
    const zh = await app.inject({ method: 'POST', url: '/api/test/echo', payload: body });
    expect(zh.statusCode).toBe(400);
    const problem = zh.json();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/body/count', '/body/phone']);
    expect(problem.errors.find((e: { pointer: string }) => e.pointer === '/body/count').detail).toMatch(/[\u4e00-\u9fff]/);
    const en = await app.inject({ method: 'POST', url: '/api/test/echo', payload: { count: 2 }, headers: { 'accept-language': 'en' } });
    expect(en.json().errors).toEqual([{ pointer: '/body/phone', detail: expect.stringContaining('must have required property') }]);
    expect(zh.body).not.toContain('12345');
  });

  it('malformed JSON and wrong content types get their own problems', async () => {
    const malformed = await app.inject({ method: 'POST', url: '/api/test/echo', payload: '{"phone":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    const wrongType = await app.inject({ method: 'POST', url: '/api/test/echo', payload: 'phone=1', headers: { 'content-type': 'text/csv' } });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('unsupported_media_type');
  });

  it('an oversized body is refused with 413 before it is read', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/test/echo', payload: JSON.stringify({ phone: 'x'.repeat(1_100_000), count: 1 }), headers: { 'content-type': 'application/json', 'accept-language': 'en' } });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', title: 'Request too large' });
  });

  it('an AppError keeps its code and status', async () => {
    const response = await app.inject({ url: '/api/test/conflict', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'conflict', title: 'Conflict' });
  });

  it('a crash answers 500 without internals, and the cause is logged under the request id', async () => {
    const response = await app.inject('/api/test/crash');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal', status: 500 });
    expect(response.body).not.toContain('10.0.0.7');
    expect(response.body).not.toContain('db_admin');
    expect(response.body).not.toContain('at ');
    const entry = log.lines.find((line) => line.msg === 'request failed' && line.requestId === response.headers['x-request-id']);
    expect(entry).toBeDefined();
  });
});

describe('HTTP hygiene', () => {
  it('R-SEC-1 sends security headers with a strict content security policy', async () => {
    const response = await app.inject('/healthz');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('R-SEC-1 turns on HSTS when the public address is https', async () => {
    const { app: https } = await buildTestApp({ database, env: { PUBLIC_URL: 'https://www.example.cn', SMS_PROVIDER: 'outbox' } });
    try {
      const response = await https.inject('/healthz');
      expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await https.close();
    }
  });

  it('keeps a well-formed request id from a proxy and replaces one that could carry data', async () => {
    const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-0123456789abcdef' } });
    expect(kept.headers['x-request-id']).toBe('lb-0123456789abcdef');
    const replaced = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'phone=13800138000 name=张三' } });
    expect(replaced.headers['x-request-id']).toMatch(/^req_/);
  });

  it('limits the rate per client and answers 429 as a problem', async () => {
    const { app: limited } = await buildTestApp({ database, env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await limited.inject('/api/site/operator')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limited.inject({ url: '/api/site/operator', headers: { 'accept-language': 'en' } });
      expect(refused.json()).toMatchObject({ code: 'rate_limited', title: 'Too many requests' });
      expect(refused.headers['retry-after']).toBeDefined();
      expect((await limited.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('serves Prometheus metrics to loopback only, with route templates as labels', async () => {
    await app.inject('/api/site/operator');
    const local = await app.inject('/metrics');
    expect(local.statusCode).toBe(200);
    expect(local.body).toContain('http_request_duration_seconds_bucket');
    expect(local.body).toContain('route="/api/site/operator"');
    const remote = await app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(403);
  });

  it('lets a scraper with METRICS_TOKEN read metrics from another host', async () => {
    const token = 'scrape-token-0123456789';
    const { app: scraped } = await buildTestApp({ database, env: { METRICS_TOKEN: token } });
    try {
      const response = await scraped.inject({ url: '/metrics', remoteAddress: '203.0.113.9', headers: { authorization: `Bearer ${token}` } });
      expect(response.statusCode).toBe(200);
    } finally {
      await scraped.close();
    }
  });
});

describe('public API', () => {
  it('R-PLAT-2 tells who operates the platform and how to reach the PI-protection contact', async () => {
    const response = await app.inject('/api/site/operator');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      companyName: '中安联合保险经纪股份有限公司',
      address: '北京市海淀区高梁桥斜街28号7号楼1层111室',
      hotline: '400-996-0007',
      icpNumber: null,
      licenceNumber: null,
      piContact: { name: '个人信息保护负责人', email: 'privacy@besttrav.com', phone: '400-996-0007' },
    });
  });

  it('R-PLAT-4 publishes an OpenAPI 3.1 document of the API at /docs', async () => {
    const document = (await app.inject('/docs/json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/site/operator']));
    expect(document.paths['/metrics']).toBeUndefined();
    const ui = await app.inject('/docs');
    expect([200, 302]).toContain(ui.statusCode);
  });
});
