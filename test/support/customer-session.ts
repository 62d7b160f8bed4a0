import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { CapturingSms } from './capturing-sms.ts';
import { buildPersonPi } from './factories/person.ts';
import { TestClient } from './http-client.ts';

let nextIp = 0;

/** A new customer registered and signed in by SMS code over HTTP, each from an IP of its own (code limits are per IP). */
export async function signedInCustomer(app: FastifyInstance, sms: CapturingSms): Promise<{ client: TestClient; customerId: string; phone: string }> {
  nextIp = (nextIp % 250) + 1;
  const client = await new TestClient(app, `203.0.113.${nextIp}`).start();
  const { phone } = buildPersonPi();
  expect((await client.post('/api/site/auth/code', { phone })).statusCode).toBe(200);
  expect((await client.post('/api/site/auth/sign-in', { phone, code: sms.latestCode(`+86${phone}`) })).statusCode).toBe(200);
  const account = await client.get('/api/site/account');
  return { client, customerId: account.json().customerId as string, phone };
}
