import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { checkStaffPassword } from './sign-in-staff.ts';
import { ensureDemoAdministrator } from './ensure-demo-administrator.ts';
import { ephemeralKeyring } from '../../privacy/crypto/keyring.ts';
import { systemCtx } from '../../privacy/access/context.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('demo administrator', () => {
  it('R-PLAT-3 the embedded demo gets one console administrator, once, with its password in a 0600 file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-demo-'));
    const admin = await ensureDemoAdministrator(database.db, dir);
    expect(admin).toMatchObject({ username: 'admin' });
    expect(fs.statSync(admin?.file as string).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(admin?.file as string, 'utf8')).toContain(admin?.password as string);
    expect(await ensureDemoAdministrator(database.db, dir)).toBeNull();
    const step = await checkStaffPassword(systemCtx('test', 'security'), { username: 'admin', password: admin?.password as string }, { db: database.db, keyring: ephemeralKeyring() });
    expect(step.step).toBe('enroll');
  });
});
