import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type * as readModule from '../../privacy/access/read-personal-field.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import { newId } from '../../shared/ids.ts';
import { sealParty } from '../orders/order-parties.ts';
import { orderParties } from '../orders/schema.ts';
import { getEPolicyPdf } from './get-e-policy-pdf.ts';
import { domesticApplication, paidOrder, schengenApplication, useIssuanceWorld } from './issuance-test-fixtures.ts';
import { issuePolicy } from './issue-policy.ts';
import { listOwnPolicies } from './list-own-policies.ts';

// Counts what is read through the privacy core, column by column, while reading as before.
vi.mock('../../privacy/access/read-personal-field.ts', async (importOriginal) => {
  const original = await importOriginal<typeof readModule>();
  return { ...original, readPersonalField: vi.fn(original.readPersonalField) };
});
const decryptions = vi.mocked(readPersonalField);
const decryptedColumns = () => decryptions.mock.calls.map(([, , location]) => location.column);

const made = useIssuanceWorld();

beforeEach(() => {
  decryptions.mockClear();
});

const ownerCtx = (guestId: string): Ctx => ({ actor: { type: 'guest', id: guestId }, purpose: 'policy_service', requestId: `test_${newId('req')}`, ip: null });

describe('我的保险 decrypts only what it shows', { timeout: 60_000 }, () => {
  it('R-POL-10 the list shows the passport masked without decrypting the identity document, and the ID number where there is no passport', async () => {
    const guestId = newId('gst');
    const [traveller, companion, holder, spouse] = [buildPersonPi(), buildPersonPi(), buildPersonPi(), buildPersonPi()];
    const schengen = await paidOrder(made.world, { ...ownerCtx(guestId), purpose: 'purchase' }, schengenApplication(traveller, companion));
    const domestic = await paidOrder(made.world, { ...ownerCtx(guestId), purpose: 'purchase' }, domesticApplication(holder, spouse));
    const policyIds: string[] = [];
    for (const orderId of [schengen, domestic]) {
      const issued = await issuePolicy({ db: made.database.db, keyring: made.keyring, purchase: made.world.purchase }, orderId);
      if (issued.outcome !== 'issued') throw new Error(`policy not issued: ${issued.outcome}`);
      policyIds.push(issued.policyId);
    }
    // A product may ask an insured person for both documents: the traveller's row holds an ID card
    // beside the passport, sealed as submitting the application seals it.
    const [travellerRow] = await made.database.db.select().from(orderParties).where(and(eq(orderParties.orderId, schengen), eq(orderParties.role, 'insured'), eq(orderParties.position, 0)));
    if (!travellerRow) throw new Error('no insured row');
    const { idDocumentEnc } = sealParty(made.keyring, travellerRow, { idDocument: { type: 'resident_id', number: traveller.idNumber, issuingCountry: null } });
    await made.database.db.update(orderParties).set({ idDocumentEnc }).where(eq(orderParties.id, travellerRow.id));
    decryptions.mockClear();

    const listed = await listOwnPolicies(ownerCtx(guestId), { db: made.database.db, keyring: made.keyring });
    expect(listed.map((policy) => policy.orderId)).toEqual([domestic, schengen]);
    expect(listed[0]?.insured.map((person) => person.name)).toEqual([holder.name, spouse.name]);
    expect(listed[1]?.insured).toEqual([traveller, companion].map((person) => ({ name: person.name, idMasked: expect.stringMatching(/^E\*+\d{3}$/) })));
    // Four names, the two passports of the Schengen trip, the two ID documents of the domestic one:
    // not the traveller's ID card, which the list does not show beside the passport.
    expect(decryptedColumns().sort()).toEqual(['id_document_enc', 'id_document_enc', 'name_enc', 'name_enc', 'name_enc', 'name_enc', 'passport_number_enc', 'passport_number_enc']);

    // The e-policy, too, prints each insured's passport masked and decrypts no ID card beside it:
    // only the policyholder's, who is named on the order by ID card alone.
    decryptions.mockClear();
    await getEPolicyPdf(ownerCtx(guestId), { db: made.database.db, keyring: made.keyring, publicUrl: 'https://besttrav.example', operator: { companyName: 'Besttrav', hotline: '400-000-0000' } }, { policyId: policyIds[0] as string, variant: 'standard' });
    const printed = decryptedColumns();
    expect(printed.filter((column) => column === 'passport_number_enc')).toHaveLength(2);
    expect(printed.filter((column) => column === 'id_document_enc')).toHaveLength(1);
  });

  it('R-POL-10 a guest sees only the policies of their own session', async () => {
    const guestId = newId('gst');
    const orderId = await paidOrder(made.world, { ...ownerCtx(guestId), purpose: 'purchase' }, domesticApplication(buildPersonPi(), buildPersonPi()));
    await issuePolicy({ db: made.database.db, keyring: made.keyring, purchase: made.world.purchase }, orderId);
    expect((await listOwnPolicies(ownerCtx(guestId), { db: made.database.db, keyring: made.keyring })).map((policy) => policy.orderId)).toEqual([orderId]);
    expect(await listOwnPolicies(ownerCtx(newId('gst')), { db: made.database.db, keyring: made.keyring })).toEqual([]);
  });
});
