import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/types.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { readPersonalFieldBytes } from '../../../privacy/access/read-personal-field.ts';
import { encryptFieldBytes } from '../../../privacy/crypto/field-cipher.ts';
import type { Keyring } from '../../../privacy/crypto/keyring.ts';
import { newId } from '../../../shared/ids.ts';
import { policyDocuments } from '../schema.ts';
import type { EPolicyVariant } from './e-policy-model.ts';

/** One rendering of a policy's e-policy: its variant and the fingerprint of what it prints. */
export interface EPolicyVersion {
  policyId: string;
  variant: EPolicyVariant;
  fingerprint: string;
}

interface StoreDeps {
  db: DbOrTx;
  keyring: Keyring;
}

const policyDocumentLocation = (id: string) => ({ table: 'policy_documents', column: 'pdf_enc', rowId: id });
// Every PDF begins so. Documents kept before the PDF was encrypted as bytes hold its base64 text
// instead (which begins `JVBERi0`): they still open, until a new rendering replaces them.
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');

/** The kept PDF of exactly this version, decrypted for the context's purpose; undefined when it was never rendered (or was replaced). */
export async function findStoredEPolicy(ctx: Ctx, deps: StoreDeps, version: EPolicyVersion): Promise<Buffer | undefined> {
  const [row] = await deps.db
    .select({ id: policyDocuments.id, pdfEnc: policyDocuments.pdfEnc })
    .from(policyDocuments)
    .where(and(eq(policyDocuments.policyId, version.policyId), eq(policyDocuments.variant, version.variant), eq(policyDocuments.fingerprint, version.fingerprint)));
  if (!row) return undefined;
  const kept = await readPersonalFieldBytes(ctx, deps, policyDocumentLocation(row.id), row.pdfEnc);
  return kept.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE) ? kept : Buffer.from(kept.toString('latin1'), 'base64');
}

/**
 * Keeps a rendered PDF as the document of its policy and variant. Two first opens of the same
 * version store one (the unique version key, on conflict do nothing).
 *
 * Only the latest version is kept: the older ones of the policy and variant are deleted. The record
 * of what changed is the policy's own (its endorsements: old and new dates, the premium difference;
 * the sale's steps: what was shown and confirmed), and the insurer's schedule is the contract; an
 * old rendering adds one more copy of the people's names and birth dates without adding a fact, and
 * every catalogue edit would add another per policy opened. Data minimisation (PIPL art. 6) decides.
 * Two opens racing across a change may each delete the other's version; the next open renders again.
 */
export async function storeEPolicy(deps: StoreDeps, version: EPolicyVersion, pdf: Buffer): Promise<void> {
  const id = newId('pdc');
  await deps.db
    .insert(policyDocuments)
    .values({ id, ...version, pdfEnc: encryptFieldBytes(deps.keyring, policyDocumentLocation(id), pdf) })
    .onConflictDoNothing();
  await deps.db
    .delete(policyDocuments)
    .where(and(eq(policyDocuments.policyId, version.policyId), eq(policyDocuments.variant, version.variant), ne(policyDocuments.fingerprint, version.fingerprint)));
}
