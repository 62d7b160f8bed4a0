import type { Keyring } from '../../src/privacy/crypto/keyring.ts';
import { verificationTokenOf } from '../../src/modules/policies/verification-token.ts';
import { requestScenario } from '../load/autocannon-load.ts';
import { visitorAddress } from '../load/visitor-address.ts';
import type { RunShape, ScenarioRun } from './scenario-run.ts';

/**
 * GET /api/site/verify/:token for random seeded policies (R-POL-9): what a visa office does when it
 * scans the e-policy's QR code. Each request comes from its own address, as scans do, so the
 * per-IP limit of the page (20 a minute) counts visitors and not the whole load.
 */
export async function measureVerify(url: string, keyring: Keyring, policyIds: readonly string[], shape: RunShape & { connections: number }): Promise<ScenarioRun> {
  if (policyIds.length === 0) throw new Error('verify needs seeded policies');
  const tokens = policyIds.map((policyId) => verificationTokenOf(keyring, policyId));
  return requestScenario(url, shape, {
    requests: [
      {
        method: 'GET',
        path: '/',
        setupRequest: (request) => ({
          ...request,
          path: `/api/site/verify/${tokens[Math.floor(Math.random() * tokens.length)]}`,
          headers: { ...request.headers, 'x-forwarded-for': visitorAddress() },
        }),
      },
    ],
  });
}
