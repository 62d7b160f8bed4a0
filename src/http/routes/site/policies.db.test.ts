import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPersonPi, type PersonPi } from '../../../../test/support/factories/person.ts';
import { TestClient } from '../../../../test/support/http-client.ts';
import { useTestApp } from '../../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../../test/support/test-database.ts';
import { domesticApplication, guestCtx, paidOrder, schengenApplication, startIssuanceWorld, type IssuanceWorld } from '../../../modules/policies/issuance-test-fixtures.ts';
import { issuePolicy } from '../../../modules/policies/issue-policy.ts';
import { policies } from '../../../modules/policies/schema.ts';
import type { ApplicationInput } from '../../../shared/application.ts';
import { ephemeralKeyring } from '../../../privacy/crypto/keyring.ts';

const keyring = ephemeralKeyring();
let app: FastifyInstance;
let database: TestDatabase;
let world: IssuanceWorld;
let workDir: string;
let nextIp = 0;
let publicUrl: string;
useTestApp({ keyring }, (built) => {
  ({ app, database } = built);
  publicUrl = built.config.server.publicUrl;
});

beforeAll(async () => {
  world = await startIssuanceWorld(database.db, keyring);
  workDir = mkdtempSync(join(tmpdir(), 'policies-route-'));
});

afterAll(async () => {
  await world?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function guest(): Promise<{ client: TestClient; guestId: string }> {
  nextIp += 1;
  const client = await new TestClient(app, `198.51.100.${nextIp}`).start();
  const response = await client.post('/api/site/auth/guest');
  expect(response.statusCode).toBe(200);
  return { client, guestId: response.json().guestId as string };
}

/** A guest session that bought and paid for `application`, with its policy issued. */
async function issuedPolicyOf(application: (holder: PersonPi, companion: PersonPi) => ApplicationInput) {
  const holder = buildPersonPi();
  const companion = buildPersonPi();
  const owner = await guest();
  const orderId = await paidOrder(world, guestCtx(owner.guestId), application(holder, companion));
  const issued = await issuePolicy({ db: database.db, keyring, purchase: world.purchase }, orderId);
  if (issued.outcome !== 'issued') throw new Error(`policy not issued: ${issued.outcome}`);
  return { ...owner, holder, companion, orderId, policyId: issued.policyId, policyNumber: issued.policyNumber };
}

function pdfText(pdf: Buffer): string {
  const file = join(workDir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const fullValues = (person: PersonPi) => [person.idNumber, person.passport, person.phone, person.email];

describe('我的保险: policies and e-policies (site API)', { timeout: 60_000 }, () => {
  it('R-POL-10 R-POL-9 the owner lists the policy and downloads its e-policy and visa certificate; another session sees neither', async () => {
    const bought = await issuedPolicyOf(schengenApplication);

    const list = await bought.client.get('/api/site/policies');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.json().policies).toEqual([
      expect.objectContaining({
        id: bought.policyId,
        orderId: bought.orderId,
        policyNumber: bought.policyNumber,
        status: 'issued',
        product: expect.objectContaining({ code: 'schengen-visa' }),
        insured: [
          { name: bought.holder.name, idMasked: expect.stringMatching(/^E\*+\d{3}$/) },
          { name: bought.companion.name, idMasked: expect.stringMatching(/^E\*+\d{3}$/) },
        ],
        hasSchengenCertificate: true,
      }),
    ]);
    for (const value of [...fullValues(bought.holder), ...fullValues(bought.companion)]) expect(list.body).not.toContain(value);

    const standard = await bought.client.get(`/api/site/policies/${bought.policyId}/e-policy.pdf`);
    expect(standard.statusCode).toBe(200);
    expect(standard.headers['content-type']).toBe('application/pdf');
    expect(standard.headers['content-disposition']).toBe(`attachment; filename="${bought.policyNumber}.pdf"`);
    expect(standard.headers['cache-control']).toBe('no-store');
    const text = pdfText(standard.rawPayload);
    for (const expected of [bought.policyNumber, bought.holder.name, bought.companion.name, `${publicUrl}/verify/`]) expect(text).toContain(expected);
    for (const value of [...fullValues(bought.holder), ...fullValues(bought.companion)]) expect(text).not.toContain(value);

    const certificate = await bought.client.get(`/api/site/policies/${bought.policyId}/e-policy.pdf?variant=schengen_certificate`);
    expect(certificate.statusCode).toBe(200);
    expect(certificate.headers['content-disposition']).toBe(`attachment; filename="${bought.policyNumber}-schengen.pdf"`);
    expect(pdfText(certificate.rawPayload)).toContain('Schengen');

    const stranger = await guest();
    const theirs = await stranger.client.get(`/api/site/policies/${bought.policyId}/e-policy.pdf`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('policy_not_found');
    expect((await stranger.client.get('/api/site/policies')).json()).toEqual({ policies: [] });
    const anonymous = await new TestClient(app, '198.51.100.250').start();
    expect((await anonymous.get('/api/site/policies')).statusCode).toBe(401);
    expect((await anonymous.get(`/api/site/policies/${bought.policyId}/e-policy.pdf`)).statusCode).toBe(401);
  });

  it('R-POL-9 no visa certificate for a plan below the Schengen rules, and no e-policy for a cancelled policy', async () => {
    const bought = await issuedPolicyOf(domesticApplication);
    const certificate = await bought.client.get(`/api/site/policies/${bought.policyId}/e-policy.pdf?variant=schengen_certificate`);
    expect(certificate.statusCode).toBe(422);
    expect(certificate.json().code).toBe('e_policy_not_schengen');
    expect((await bought.client.get(`/api/site/policies/${bought.policyId}/e-policy.pdf`)).statusCode).toBe(200);
    await database.db.update(policies).set({ status: 'cancelled', cancelledAt: new Date() }).where(eq(policies.id, bought.policyId));
    const cancelled = await bought.client.get(`/api/site/policies/${bought.policyId}/e-policy.pdf`);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().code).toBe('policy_not_in_force');
  });

  it('R-POL-10 a session with several policies sees each with its own insured persons in application order, the travel document masked where there is one, else the ID number', async () => {
    const owner = await guest();
    const [holder, spouse, traveller, companion] = [buildPersonPi(), buildPersonPi(), buildPersonPi(), buildPersonPi()];
    const domestic = await paidOrder(world, guestCtx(owner.guestId), domesticApplication(holder, spouse));
    const schengen = await paidOrder(world, guestCtx(owner.guestId), schengenApplication(traveller, companion));
    for (const orderId of [domestic, schengen]) expect(await issuePolicy({ db: database.db, keyring, purchase: world.purchase }, orderId)).toMatchObject({ outcome: 'issued' });

    const listed = (await owner.client.get('/api/site/policies')).json().policies as Array<{ orderId: string; insured: unknown[] }>;
    const masked = (number: string) => `${number.slice(0, 4)}${'*'.repeat(number.length - 8)}${number.slice(-4)}`;
    expect(listed.map((policy) => policy.orderId)).toEqual([schengen, domestic]);
    expect(listed[1]?.insured).toEqual([
      { name: holder.name, idMasked: masked(holder.idNumber) },
      { name: spouse.name, idMasked: masked(spouse.idNumber) },
    ]);
    expect(listed[0]?.insured).toEqual([
      { name: traveller.name, idMasked: expect.stringMatching(/^E\*+\d{3}$/) },
      { name: companion.name, idMasked: expect.stringMatching(/^E\*+\d{3}$/) },
    ]);
  });
});

describe('public verification from the e-policy QR code (site API)', { timeout: 60_000 }, () => {
  it('R-POL-9 the address printed on the e-policy shows that the policy is genuine, with masked data only', async () => {
    const bought = await issuedPolicyOf(schengenApplication);
    const text = pdfText((await bought.client.get(`/api/site/policies/${bought.policyId}/e-policy.pdf`)).rawPayload);
    const printed = `${publicUrl}/verify/`;
    expect(text).toContain(printed);
    const token = text.slice(text.indexOf(printed) + printed.length).split(/\s/)[0] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token).not.toContain(bought.policyNumber);
    expect(token).not.toContain(bought.policyId);

    const visitor = new TestClient(app, '192.0.2.10');
    const verified = await visitor.get(`/api/site/verify/${token}`);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({
      valid: true,
      status: 'issued',
      product: { nameZh: '申根签证旅行保险', nameEn: 'Schengen Visa Travel Insurance' },
      insurer: { nameZh: expect.any(String), nameEn: expect.any(String) },
      coverStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      coverEnd: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      policyNumberMasked: `${bought.policyNumber.slice(0, 6)}******${bought.policyNumber.slice(-4)}`,
      insuredNamesMasked: [`${bought.holder.name.slice(0, 1)}${'*'.repeat(bought.holder.name.length - 1)}`, `${bought.companion.name.slice(0, 1)}${'*'.repeat(bought.companion.name.length - 1)}`],
    });
    for (const value of [bought.policyNumber, bought.holder.name, bought.companion.name, ...fullValues(bought.holder), ...fullValues(bought.companion), bought.holder.birthDate, bought.companion.birthDate, 'ZHANG SAN', 'LI SI']) {
      expect(verified.body).not.toContain(value);
    }

    await database.db.update(policies).set({ status: 'cancelled', cancelledAt: new Date() }).where(eq(policies.id, bought.policyId));
    expect((await visitor.get(`/api/site/verify/${token}`)).json()).toMatchObject({ valid: false, status: 'cancelled' });
    for (const wrong of [`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'not-a-token', bought.policyId]) {
      const refused = await visitor.get(`/api/site/verify/${wrong}`);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('policy_verification_not_found');
    }
  });

  it('R-POL-9 verification answers at most 20 requests a minute from one address', async () => {
    const visitor = new TestClient(app, '192.0.2.77');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await visitor.get(`/api/site/verify/${'A'.repeat(43)}`)).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
