import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPersonPi } from '../../../../test/support/factories/person.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { systemCtx } from '../../../privacy/access/context.ts';
import { encryptField, keyVersionOf } from '../../../privacy/crypto/field-cipher.ts';
import { addDataKeyVersion, loadKeyring, type Keyring } from '../../../privacy/crypto/keyring.ts';
import { rotateDataKeys } from '../../../privacy/crypto/rotate-data-keys.ts';
import { newId } from '../../../shared/ids.ts';
import { getEPolicyPdf } from '../get-e-policy-pdf.ts';
import { domesticApplication, paidOrder, schengenApplication, startIssuanceWorld, type IssuanceWorld } from '../issuance-test-fixtures.ts';
import { issuePolicy } from '../issue-policy.ts';
import { policyDocuments } from '../schema.ts';
import type * as renderModule from './render-in-worker.ts';
import { renderInWorker } from './render-in-worker.ts';

// Counts renders while keeping the real renderer: a kept document opened again is not rendered.
vi.mock('./render-in-worker.ts', async (importOriginal) => {
  const original = await importOriginal<typeof renderModule>();
  return { ...original, renderInWorker: vi.fn(original.renderInWorker) };
});
const renders = vi.mocked(renderInWorker);

// A keyring in a file, as a deployment has: key rotation adds its version there.
let keyFile: string;
let keyring: Keyring;
let database: TestDatabase;
let world: IssuanceWorld;

beforeAll(async () => {
  keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bt-kept-keys-')), 'keyring.json');
  keyring = loadKeyring(keyFile);
  database = await createTestDatabase();
  world = await startIssuanceWorld(database.db, keyring);
});

afterAll(async () => {
  await world?.close();
  await database?.close();
  if (keyFile) fs.rmSync(path.dirname(keyFile), { recursive: true, force: true });
});

beforeEach(() => {
  renders.mockClear();
});

const ownerCtx = (guestId: string): Ctx => ({ actor: { type: 'guest', id: guestId }, purpose: 'policy_service', requestId: `test_${newId('req')}`, ip: null });
const deps = () => ({ db: database.db, keyring, publicUrl: 'https://besttrav.example', operator: { companyName: 'Besttrav', hotline: '400-000-0000' } });
const keptOf = async (policyId: string) => (await database.db.select().from(policyDocuments).where(eq(policyDocuments.policyId, policyId)))[0];

async function openedPolicy(application: typeof domesticApplication) {
  const guestId = newId('gst');
  const orderId = await paidOrder(world, { ...ownerCtx(guestId), purpose: 'purchase' }, application(buildPersonPi(), buildPersonPi()));
  const issued = await issuePolicy({ db: database.db, keyring, purchase: world.purchase }, orderId);
  if (issued.outcome !== 'issued') throw new Error(`policy not issued: ${issued.outcome}`);
  const open = () => getEPolicyPdf(ownerCtx(guestId), deps(), { policyId: issued.policyId, variant: 'standard' });
  return { policyId: issued.policyId, open, pdf: (await open()).pdf };
}

describe('kept e-policies are encrypted as bytes', { timeout: 60_000 }, () => {
  it('R-SEC-2 a kept PDF and one kept the old way (its base64 text) both open after a key rotation, byte for byte, without a render', async () => {
    const kept = await openedPolicy(schengenApplication);
    const old = await openedPolicy(domesticApplication);
    expect(kept.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // What documents kept before this change hold: the PDF's base64 as text.
    const oldRow = await keptOf(old.policyId);
    if (!oldRow) throw new Error('no kept document');
    const location = { table: 'policy_documents', column: 'pdf_enc', rowId: oldRow.id };
    await database.db.update(policyDocuments).set({ pdfEnc: encryptField(keyring, location, old.pdf.toString('base64')) }).where(eq(policyDocuments.id, oldRow.id));
    // The bytes envelope carries the PDF itself: a third shorter than the text one.
    const [keptLength, oldLength] = [(await keptOf(kept.policyId))?.pdfEnc.length ?? 0, (await keptOf(old.policyId))?.pdfEnc.length ?? 0];
    expect(keptLength / kept.pdf.length).toBeLessThan(1.4);
    expect(oldLength / old.pdf.length).toBeGreaterThan(1.7);
    renders.mockClear();

    expect(addDataKeyVersion(keyFile)).toBe(2);
    const rotated = await rotateDataKeys(systemCtx('test', 'security'), { db: database.db, keyring });
    expect(rotated.done).toBeGreaterThan(0);
    for (const policyId of [kept.policyId, old.policyId]) expect(keyVersionOf((await keptOf(policyId))?.pdfEnc ?? '')).toBe(2);

    expect((await kept.open()).pdf.equals(kept.pdf)).toBe(true);
    expect((await old.open()).pdf.equals(old.pdf)).toBe(true);
    expect(renders).not.toHaveBeenCalled();
  });
});
