import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { customers } from '../../modules/accounts/schema.ts';
import { systemCtx } from '../access/context.ts';
import { readPersonalField } from '../access/read-personal-field.ts';
import { encryptField, keyVersionOf } from './field-cipher.ts';
import { addDataKeyVersion, loadKeyring } from './keyring.ts';
import { encryptedColumns, rotateDataKeys } from './rotate-data-keys.ts';
import { getTask } from '../../jobs/tasks/track-task.ts';
import '../../db/schema.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('key rotation', () => {
  it('R-SEC-2 adds a key version, re-encrypts every field with progress, and everything stays readable', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bt-keys-')), 'keyring.json');
    const keyring = loadKeyring(file);
    const phones = Array.from({ length: 1234 }, (_, i) => `+86138${String(i).padStart(8, '0')}`);
    const rows = phones.map((phone, i) => {
      const id = `cus_rot${String(i).padStart(6, '0')}`;
      return { id, phoneEnc: encryptField(keyring, { table: 'customers', column: 'phone_enc', rowId: id }, phone), phoneBidx: `bidx${i}` };
    });
    for (let i = 0; i < rows.length; i += 500) await database.db.insert(customers).values(rows.slice(i, i + 500));

    // Another process (the CLI) adds the key; this keyring has not seen it yet.
    const otherProcessKeyring = loadKeyring(file);
    expect(addDataKeyVersion(file)).toBe(2);
    expect(keyring.currentVersion).toBe(1);

    const progress: number[] = [];
    const result = await rotateDataKeys(systemCtx('test', 'security'), { db: database.db, keyring: otherProcessKeyring }, ({ done }) => progress.push(done));
    expect(result).toMatchObject({ done: 1234, total: 1234 });
    expect(progress.length).toBeGreaterThan(2);
    expect(await getTask(database.db, result.taskId)).toMatchObject({ status: 'succeeded', done: 1234, total: 1234 });

    const stored = await database.db.select().from(customers);
    expect(stored.every((row) => keyVersionOf(row.phoneEnc ?? '') === 2)).toBe(true);
    // The old keyring meets a version-2 ciphertext, reloads the key file, and reads it.
    const sample = stored.find((row) => row.id === 'cus_rot000042');
    const value = await readPersonalField(systemCtx('test', 'account'), { db: database.db, keyring }, { table: 'customers', column: 'phone_enc', rowId: 'cus_rot000042' }, sample?.phoneEnc as string);
    expect(value).toBe(phones[42]);
    expect(keyring.currentVersion).toBe(2);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // Running again finds nothing left: the job is resumable and idempotent.
    expect((await rotateDataKeys(systemCtx('test', 'security'), { db: database.db, keyring })).done).toBe(0);
  });

  it('knows every encrypted column of the catalogue', () => {
    expect(encryptedColumns()).toEqual(expect.arrayContaining([{ table: 'customers', column: 'phone_enc', key: 'id' }, { table: 'staff_members', column: 'totp_secret_enc', key: 'id' }, { table: 'customer_ages', column: 'age_group_enc', key: 'customer_id' }]));
  });
});
