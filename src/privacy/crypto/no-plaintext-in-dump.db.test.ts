import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CapturingSms } from '../../../test/support/capturing-sms.ts';
import { dumpDatabase } from '../../../test/support/dump-database.ts';
import { buildPersonPi } from '../../../test/support/factories/person.ts';
import { TestClient } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-session.ts';
import { useTestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-database.ts';

let database: TestDatabase;
let app: FastifyInstance;
const sms = new CapturingSms();
useTestApp({ sms }, (built) => ({ app, database } = built));

function hasPgDump(): boolean {
  try {
    execFileSync('pg_dump', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('a database dump shows no plaintext personal secrets', () => {
  it('R-SEC-2 after a realistic seed, no phone number, code, password or TOTP secret appears in a dump', async () => {
    const secrets: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const { phone } = buildPersonPi();
      const client = await new TestClient(app, `192.0.2.${10 + i}`).start();
      await client.post('/api/site/auth/code', { phone });
      const code = sms.latestCode(`+86${phone}`);
      await client.post('/api/site/auth/sign-in', { phone, code });
      const password = `Quiet-harbour-${1000 + i}x`;
      expect((await client.put('/api/site/account/password', { password })).statusCode).toBe(204);
      await client.post('/api/site/auth/code', { phone }); // a live, unused code too
      secrets.push(phone, `+86${phone}`, password, sms.latestCode(`+86${phone}`));
    }
    const { client: service, staff } = await signedInStaff(app, database.db, ['customer_service']);
    const someone = secrets[0] as string;
    await service.post('/api/console/customers/search', { phone: someone });
    secrets.push(staff.secret, staff.password);

    const dump = await dumpDatabase(database);
    expect(dump).toContain('customers');
    for (const secret of secrets) expect(dump, 'a secret appears in the dump').not.toContain(secret);

    if (database.url && hasPgDump()) {
      const pgDump = execFileSync('pg_dump', ['--data-only', database.url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(pgDump).toContain('COPY public.customers');
      for (const secret of secrets) expect(pgDump, 'a secret appears in pg_dump output').not.toContain(secret);
    }
  });
});
