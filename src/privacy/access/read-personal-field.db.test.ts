import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../audit/schema.ts';
import { encryptField } from '../crypto/field-cipher.ts';
import { ephemeralKeyring } from '../crypto/keyring.ts';
import type { Ctx } from './context.ts';
import { readPersonalField } from './read-personal-field.ts';
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
  });
});
