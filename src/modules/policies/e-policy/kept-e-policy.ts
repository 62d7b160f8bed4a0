import type { DbOrTx } from '../../../db/types.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import type { Keyring } from '../../../privacy/crypto/keyring.ts';
import { ePolicyFingerprint } from './e-policy-fingerprint.ts';
import type { EPolicyModel, EPolicyVariant } from './e-policy-model.ts';
import { renderInWorker } from './render-in-worker.ts';
import { findStoredEPolicy, storeEPolicy, type EPolicyVersion } from './stored-e-policy.ts';

// Renders under way in this process, by fingerprint (a keyed hash: the keys name nobody), so the
// same document asked for twice at once is rendered once.
const rendering = new Map<string, Promise<Buffer>>();

/**
 * The e-policy PDF of a model: the kept rendering of exactly this content, or a new rendering,
 * kept (encrypted) for the next open. A render costs ~40–70 ms of CPU; reading and decrypting the
 * kept one is a query and an AES-GCM pass.
 */
export async function keptEPolicyPdf(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, policyId: string, model: EPolicyModel, variant: EPolicyVariant): Promise<Buffer> {
  const version: EPolicyVersion = { policyId, variant, fingerprint: ePolicyFingerprint(deps.keyring, model, variant) };
  const stored = await findStoredEPolicy(ctx, deps, version);
  if (stored) return stored;
  const underWay = rendering.get(version.fingerprint);
  if (underWay) return underWay;
  const rendered = renderAndStore(deps, version, model).finally(() => rendering.delete(version.fingerprint));
  rendering.set(version.fingerprint, rendered);
  return rendered;
}

async function renderAndStore(deps: { db: DbOrTx; keyring: Keyring }, version: EPolicyVersion, model: EPolicyModel): Promise<Buffer> {
  const pdf = await renderInWorker(model, { variant: version.variant });
  await storeEPolicy(deps, version, pdf);
  return pdf;
}
