import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../audit/schema.ts';
import { encryptField, encryptFieldBytes } from '../crypto/field-cipher.ts';
import { ephemeralKeyring } from '../crypto/keyring.ts';
import type { Ctx } from './context.ts';
import { readPersonalField, readPersonalFieldBytes } from './read-personal-field.ts';
import '../../db/schema.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const keyring = ephemeralKeyring();
const location = { table: 'customers', column: 'phone_enc', rowId: 'cus_reader' };
const stored = encryptField(keyring, location, '+8613812345678');
const ctxFor = (purpose: Ctx['purpose']): Ctx => ({ actor: { type: 'customer', id: 'cus_reader' }, purpose, requestId: 'req_r', ip: null });

describe('purpose-checked reads', () => {
  it('R-USE-1 a declared purpose reads the value', async () => {
    expect(await readPersonalField(ctxFor('account'), { db: database.db, keyring }, location, stored)).toBe('+8613812345678');
  });

  it('R-USE-1 an undeclared purpose (analytics) is refused, and the refusal audited', async () => {
    await expect(readPersonalField(ctxFor('analytics'), { db: database.db, keyring }, location, stored)).rejects.toMatchObject({ code: 'forbidden' });
    const [entry] = await database.db.select().from(auditLog);
    expect(entry).toMatchObject({ action: 'refused', purpose: 'analytics', fields: ['phone_enc'], subjectId: 'cus_reader' });
  });

  it('refuses columns the catalogue does not declare as encrypted personal fields', async () => {
    await expect(readPersonalField(ctxFor('account'), { db: database.db, keyring }, { table: 'customers', column: 'status', rowId: 'x' }, stored)).rejects.toMatchObject({ code: 'internal' });
    await expect(readPersonalFieldBytes(ctxFor('account'), { db: database.db, keyring }, { table: 'customers', column: 'status', rowId: 'x' }, stored)).rejects.toMatchObject({ code: 'internal' });
  });

  it('R-USE-1 a field kept as bytes is read under the same purpose check: declared reads its bytes, undeclared is refused and audited, another row fails', async () => {
    const document = { table: 'policy_documents', column: 'pdf_enc', rowId: 'pdc_reader' };
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff]);
    const kept = encryptFieldBytes(keyring, document, bytes);
    expect((await readPersonalFieldBytes(ctxFor('policy_service'), { db: database.db, keyring }, document, kept)).equals(bytes)).toBe(true);

    await expect(readPersonalFieldBytes(ctxFor('marketing'), { db: database.db, keyring }, document, kept)).rejects.toMatchObject({ code: 'forbidden' });
    const refusals = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, 'pdc_reader'));
    expect(refusals).toEqual([expect.objectContaining({ action: 'refused', purpose: 'marketing', fields: ['pdf_enc'], record: 'policy_documents/pdc_reader' })]);

    // Bound to its row: the same ciphertext read as another document's fails to decrypt.
    await expect(readPersonalFieldBytes(ctxFor('policy_service'), { db: database.db, keyring }, { ...document, rowId: 'pdc_other' }, kept)).rejects.toMatchObject({ code: 'internal' });
  });
});
