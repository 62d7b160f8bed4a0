import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { customerStanding, noticeDocuments } from './document-standing.ts';

/**
 * The guard of R-UPD-2. A use case that starts something new relying on the current terms (a first
 * password, a new purchase, a new optional consent) calls it first: a customer who has not accepted
 * a material or rights-narrowing version in effect — not yet answered, or declined — is refused with
 * `terms_consent_required`, and the refusal is audited. Reading, exporting and deleting their data,
 * cancelling the account, signing out, managing sessions and withdrawing consent never call it.
 * Anyone but a signed-in customer passes: a guest or new customer accepts the version in effect.
 */
export async function requireCurrentTerms(ctx: Ctx, db: DbOrTx): Promise<void> {
  if (ctx.actor.type !== 'customer') return;
  for (const document of noticeDocuments) {
    const standing = await customerStanding(db, ctx.actor.id, document);
    if (!standing || (standing.state !== 'consent' && standing.state !== 'declined')) continue;
    await recordAudit(db, ctx, { action: 'refused', subjectId: ctx.actor.id, record: `document_versions/${standing.current.id}`, fields: ['terms_consent_required'] });
    throw new AppError('terms_consent_required', `Customer has not accepted version ${standing.current.version} of ${document}`, { details: { document, version: standing.current.version } });
  }
}
