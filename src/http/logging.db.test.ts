import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildPersonPi, type PersonPi } from '../../test/support/factories/person.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildTestApp, type CapturedLog } from '../../test/support/test-app.ts';

let database: TestDatabase;
let app: FastifyInstance;
let log: CapturedLog;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, log } = await buildTestApp({
    database,
    env: { LOG_LEVEL: 'trace' },
    extend(fastify) {
      // A careless handler: logs what it was sent and fails with the values in the message.
      fastify.post('/api/test/careless', { schema: { body: Type.Object({}, { additionalProperties: true }) } }, async (request) => {
        request.log.info({ body: request.body, headers: request.headers }, 'received application');
        const body = request.body as Record<string, string>;
        request.log.warn(`lookup failed for ${body.phone} / ${body.idNumber}`);
        throw new Error(`duplicate key (id_number)=(${body.idNumber}) for card ${body.bankCard}`);
      });
    },
  }));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

function secretsOf(person: PersonPi): string[] {
  return [person.phone, person.idNumber, person.bankCard, person.email, person.name, person.address, person.passport];
}

describe('logs never carry personal information', () => {
  it('known PI sent in bodies, query strings, paths, headers and cookies does not reach the log', async () => {
    const person = buildPersonPi();
    const token = 'session-token-7f3a9c2e41b8';
    const csrf = (await app.inject('/api/site/session')).json().csrfToken as string;
    await app.inject({
      method: 'POST',
      url: `/api/test/careless?phone=${person.phone}&email=${encodeURIComponent(person.email)}`,
      headers: { authorization: `Bearer ${token}`, cookie: `bt_sid=${token}; bt_csrf=${csrf}`, 'x-csrf-token': csrf, 'x-forwarded-for': '198.51.100.20' },
      payload: person,
    });
    await app.inject(`/api/orders/by-phone/${person.phone}/id/${person.idNumber}`);
    await app.inject(`/api/search?q=${encodeURIComponent(person.name)}&card=${person.bankCard}`);
    await app.inject({ method: 'POST', url: '/api/nowhere', payload: { passport: person.passport, address: person.address } });

    const text = log.text();
    expect(log.lines.length).toBeGreaterThan(5);
    expect(log.lines.some((line) => line.msg === 'received application')).toBe(true);
    expect(log.lines.some((line) => line.msg === 'request failed')).toBe(true);
    for (const secret of [...secretsOf(person), token, encodeURIComponent(person.name), encodeURIComponent(person.email)]) {
      expect(text, `log contains ${secret.slice(0, 3)}…`).not.toContain(secret);
    }
  });

  it('the log still says what happened: method, route, status and request id', async () => {
    const response = await app.inject('/api/site/operator');
    const line = log.lines.find((entry) => entry.msg === 'request completed' && entry.requestId === response.headers['x-request-id']);
    expect(line).toMatchObject({ req: { method: 'GET', url: '/api/site/operator', route: '/api/site/operator' }, res: { statusCode: 200 } });
  });
});
