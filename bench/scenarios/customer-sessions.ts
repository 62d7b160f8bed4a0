import { latestCodeFor } from '../../src/integrations/sms/outbox-sms-provider.ts';
import type { BenchDatabase, SeedState } from '../database/bench-database.ts';
import { BenchClient, RequestLog } from '../load/bench-client.ts';
import { visitorAddress } from '../load/visitor-address.ts';

export interface SignedInCustomer {
  customerId: string;
  sessionCookie: string;
  policyIds: string[];
}

async function codeFromOutbox(file: string, phone: string): Promise<string> {
  for (let i = 0; i < 50; i += 1) {
    const code = await latestCodeFor(file, `+86${phone}`);
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no sign-in code arrived in the SMS outbox');
}

/**
 * The seeded customers of my-policies, signed in the way people sign in (SMS code from the outbox
 * provider). Sessions last 30 days, so the cookie is kept with the seed and reused while the server
 * still accepts it: repeated runs do not run into the hourly code limits.
 */
export async function signInCustomers(url: string, bench: BenchDatabase, seed: SeedState): Promise<SignedInCustomer[]> {
  const log = new RequestLog();
  const signedIn: SignedInCustomer[] = [];
  for (const customer of seed.signedIn) {
    const client = new BenchClient(url, log, visitorAddress());
    if (customer.sessionCookie) client.setCookie('bt_sid', customer.sessionCookie);
    const listed = await client.get('policies', '/api/site/policies', 200).catch(() => null);
    let policies = listed?.json<{ policies: Array<{ id: string }> }>().policies;
    if (!customer.sessionCookie || !policies) {
      await client.get('session', '/api/site/session');
      await client.post('code', '/api/site/auth/code', { phone: customer.phone });
      const code = await codeFromOutbox(bench.env.SMS_OUTBOX_FILE as string, customer.phone);
      await client.post('sign-in', '/api/site/auth/sign-in', { phone: customer.phone, code });
      customer.sessionCookie = client.cookie('bt_sid');
      policies = (await client.get('policies', '/api/site/policies')).json<{ policies: Array<{ id: string }> }>().policies;
    }
    if (policies.length !== customer.policies) throw new Error(`signed-in customer has ${policies.length} policies, expected ${customer.policies}`);
    signedIn.push({ customerId: customer.customerId, sessionCookie: customer.sessionCookie as string, policyIds: policies.map((policy) => policy.id) });
  }
  bench.writeSeed(seed);
  return signedIn;
}
