import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildPersonPi, type PersonPi } from './factories/person.ts';
import { TestClient } from './http-client.ts';

/** A calendar date in Beijing this many days from now ('YYYY-MM-DD'). */
export function beijingDate(daysAhead: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + daysAhead * 86_400_000));
}

export function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

/** A client with a guest session (R-ACC-2: buying needs no account). */
export async function guestClient(app: FastifyInstance, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<TestClient> {
  const client = (await new TestClient(app).start()).speaks(language);
  expect((await client.post('/api/site/auth/guest')).statusCode).toBe(200);
  return client;
}

export type SaleConsent = { purpose: string; version: number };
export interface StartedSale {
  saleId: string;
  steps: string[];
  consents: SaleConsent[];
}

export async function startSale(client: TestClient, productCode: string): Promise<StartedSale> {
  const response = await client.post('/api/site/sales', { productCode });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Opens and confirms each step the way the page does: the hash confirmed is the one the server sent. */
export async function readAndConfirm(client: TestClient, saleId: string, kinds: string[]): Promise<void> {
  for (const kind of kinds) {
    const shown = await client.get(`/api/site/sales/${saleId}/steps/${kind}`);
    expect(shown.statusCode, shown.body).toBe(200);
    const confirmed = await client.post(`/api/site/sales/${saleId}/steps/${kind}/confirmation`, { contentHash: shown.json().contentHash });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
  }
}

/** A Schengen application (plan standard, France and Germany, 10 days from 10 days ahead): the buyer and their spouse. */
export function schengenApplication(holder: PersonPi = buildPersonPi(), spouse: PersonPi = buildPersonPi()) {
  const holderSex = holder.idNumber.charCodeAt(16) % 2 === 1 ? ('male' as const) : ('female' as const);
  return {
    product: 'schengen-visa',
    plan: 'standard',
    destinations: ['FR', 'DE'],
    startDate: beijingDate(10),
    endDate: beijingDate(19),
    policyholder: { kind: 'person' as const, person: { name: holder.name, idDocument: { type: 'resident_id' as const, number: holder.idNumber }, phone: holder.phone, email: holder.email } },
    insured: [
      { relationship: 'self' as const, person: { namePinyin: 'ZHANG SAN', passportNumber: holder.passport, birthDate: birthDateOf(holder.idNumber), sex: holderSex } },
      { relationship: 'spouse' as const, person: { name: spouse.name, namePinyin: 'LI SI', passportNumber: spouse.passport, birthDate: spouse.birthDate, sex: 'female' as const } },
    ],
  };
}

/** Both separate consents ticked, at the versions the sale showed. */
export function allConsents(consents: SaleConsent[]) {
  const version = (purpose: string) => consents.find((consent) => consent.purpose === purpose)?.version ?? 0;
  return { sensitivePi: { version: version('sensitive_pi') }, shareWithInsurer: { version: version('share_with_insurer') } };
}

/** A guest's Schengen order awaiting payment, sent through the whole site API. */
export async function placeSchengenOrder(app: FastifyInstance, application = schengenApplication()) {
  const client = await guestClient(app);
  const sale = await startSale(client, 'schengen-visa');
  await readAndConfirm(client, sale.saleId, [...sale.steps, 'authorisation', 'confirmation']);
  const response = await client.post('/api/site/orders', { saleId: sale.saleId, idempotencyKey: randomUUID(), application, consents: allConsents(sale.consents) });
  expect(response.statusCode, response.body).toBe(201);
  return { client, sale, application, order: response.json() as { id: string; premiumFen: number; saleId: string; status: string } };
}
