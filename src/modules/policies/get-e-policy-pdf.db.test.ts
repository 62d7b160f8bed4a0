import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dumpDatabase } from '../../../test/support/dump-database.ts';
import { buildPersonPi, type PersonPi } from '../../../test/support/factories/person.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { systemCtx } from '../../privacy/access/context.ts';
import { sweepRetention } from '../../privacy/retention/sweep-retention.ts';
import { addDays } from '../../shared/calendar-days.ts';
import { newId } from '../../shared/ids.ts';
import { orders } from '../orders/schema.ts';
import type * as renderModule from './e-policy/render-in-worker.ts';
import { renderInWorker } from './e-policy/render-in-worker.ts';
import { getEPolicyPdf } from './get-e-policy-pdf.ts';
import { domesticApplication, paidOrder, schengenApplication, useIssuanceWorld } from './issuance-test-fixtures.ts';
import { issuePolicy } from './issue-policy.ts';
import { policiesSweepRules } from './retention.ts';
import { policies, policyDocuments, policyEndorsements } from './schema.ts';

// Counts renders while keeping the real renderer: a kept document must not be rendered again.
vi.mock('./e-policy/render-in-worker.ts', async (importOriginal) => {
  const original = await importOriginal<typeof renderModule>();
  return { ...original, renderInWorker: vi.fn(original.renderInWorker) };
});
const renders = vi.mocked(renderInWorker);

const made = useIssuanceWorld();
let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'kept-e-policy-'));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

beforeEach(() => {
  renders.mockClear();
});

const ownerCtx = (guestId: string): Ctx => ({ actor: { type: 'guest', id: guestId }, purpose: 'policy_service', requestId: `test_${newId('req')}`, ip: null });
const deps = () => ({ db: made.database.db, keyring: made.keyring, publicUrl: 'https://besttrav.example', operator: { companyName: 'Besttrav', hotline: '400-000-0000' } });

async function issuedPolicy(application: (holder: PersonPi, companion: PersonPi) => Parameters<typeof paidOrder>[2]) {
  const holder = buildPersonPi();
  const companion = buildPersonPi();
  const guestId = newId('gst');
  const orderId = await paidOrder(made.world, { ...ownerCtx(guestId), purpose: 'purchase' }, application(holder, companion));
  const issued = await issuePolicy({ db: made.database.db, keyring: made.keyring, purchase: made.world.purchase }, orderId);
  if (issued.outcome !== 'issued') throw new Error(`policy not issued: ${issued.outcome}`);
  return { ctx: ownerCtx(guestId), holder, companion, orderId, policyId: issued.policyId };
}

const keptOf = (policyId: string) => made.database.db.select().from(policyDocuments).where(eq(policyDocuments.policyId, policyId));

function pdfText(pdf: Buffer): string {
  const file = join(workDir, `${newId('pdf')}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('the e-policy is kept, encrypted, per version of what it prints', { timeout: 60_000 }, () => {
  it('R-POL-9 a policy opened twice is rendered once and served the same bytes; two first opens at once render and store one', async () => {
    const bought = await issuedPolicy(domesticApplication);
    const first = await getEPolicyPdf(bought.ctx, deps(), { policyId: bought.policyId, variant: 'standard' });
    const again = await getEPolicyPdf(bought.ctx, deps(), { policyId: bought.policyId, variant: 'standard' });
    expect(again.pdf.equals(first.pdf)).toBe(true);
    expect(renders).toHaveBeenCalledTimes(1);
    expect(pdfText(first.pdf)).toContain(bought.holder.name);

    const other = await issuedPolicy(schengenApplication);
    renders.mockClear();
    const together = await Promise.all([1, 2, 3].map(() => getEPolicyPdf(other.ctx, deps(), { policyId: other.policyId, variant: 'schengen_certificate' })));
    expect(renders).toHaveBeenCalledTimes(1);
    expect(together.every(({ pdf }) => pdf.equals(together[0]?.pdf ?? Buffer.alloc(0)))).toBe(true);
    // The certificate and the schedule are two documents of one policy.
    await getEPolicyPdf(other.ctx, deps(), { policyId: other.policyId, variant: 'standard' });
    expect((await keptOf(other.policyId)).map((row) => row.variant).sort()).toEqual(['schengen_certificate', 'standard']);
  });

  it('R-POL-10 R-POL-9 a change of dates gives a new document in place of the old one, with no invalidation anywhere', async () => {
    const bought = await issuedPolicy(domesticApplication);
    const before = await getEPolicyPdf(bought.ctx, deps(), { policyId: bought.policyId, variant: 'standard' });
    const [policy] = await made.database.db.select().from(policies).where(eq(policies.id, bought.policyId));
    if (!policy) throw new Error('policy missing');
    const newStart = addDays(policy.coverStart, 1);
    const newEnd = addDays(policy.coverEnd, 1);
    // What an endorsement writes (date-changes): the new dates on the policy and the endorsement with its premium difference.
    await made.database.db.update(policies).set({ coverStart: newStart, coverEnd: newEnd }).where(eq(policies.id, policy.id));
    await made.database.db.insert(policyEndorsements).values({
      id: newId('end'),
      policyId: policy.id,
      kind: 'date_change',
      oldCoverStart: policy.coverStart,
      oldCoverEnd: policy.coverEnd,
      newCoverStart: newStart,
      newCoverEnd: newEnd,
      premiumDifferenceFen: 0,
      insurerEndorsementNumber: `${policy.insurerPolicyNumber}E01`,
    });

    const after = await getEPolicyPdf(bought.ctx, deps(), { policyId: bought.policyId, variant: 'standard' });
    expect(after.pdf.equals(before.pdf)).toBe(false);
    expect(renders).toHaveBeenCalledTimes(2);
    expect(pdfText(after.pdf)).toContain(newStart);
    const kept = await keptOf(bought.policyId);
    expect(kept).toHaveLength(1);
    await getEPolicyPdf(bought.ctx, deps(), { policyId: bought.policyId, variant: 'standard' });
    expect(renders).toHaveBeenCalledTimes(2);
  });

  it('R-SEC-2 a dump of the database shows neither the names printed on a kept e-policy nor the PDF itself', async () => {
    const bought = await issuedPolicy(schengenApplication);
    const { pdf } = await getEPolicyPdf(bought.ctx, deps(), { policyId: bought.policyId, variant: 'standard' });
    expect(pdfText(pdf)).toContain(bought.companion.name);
    const [kept] = await keptOf(bought.policyId);
    expect(kept?.pdfEnc.startsWith('f1.')).toBe(true);

    const dump = await dumpDatabase(made.database);
    expect(dump).toContain('policy_documents');
    // `%PDF-` and its base64 (`JVBERi0`): no kept PDF, encoded or not, is readable in a copy of the database.
    for (const plain of [bought.holder.name, bought.companion.name, bought.holder.idNumber, '%PDF-', 'JVBERi0']) expect(dump, 'plaintext in the dump').not.toContain(plain);
  });

  it('R-STO-1 the kept e-policy goes with its policy, in the same retention sweep', async () => {
    const bought = await issuedPolicy(domesticApplication);
    await getEPolicyPdf(bought.ctx, deps(), { policyId: bought.policyId, variant: 'standard' });
    const past = new Date(Date.now() - 86_400_000);
    await made.database.db.update(policies).set({ retainUntil: past }).where(eq(policies.id, bought.policyId));
    await sweepRetention(systemCtx('retention-test', 'legal_obligation'), made.database.db, { dryRun: false, rules: policiesSweepRules });
    // The order is still kept, so the policy and its document stay.
    expect(await keptOf(bought.policyId)).toHaveLength(1);

    await made.database.db.update(orders).set({ retainUntil: past }).where(eq(orders.id, bought.orderId));
    await sweepRetention(systemCtx('retention-test', 'legal_obligation'), made.database.db, { dryRun: false, rules: policiesSweepRules });
    expect(await keptOf(bought.policyId)).toHaveLength(0);
    expect(await made.database.db.select().from(policies).where(eq(policies.id, bought.policyId))).toHaveLength(0);
  });
});
