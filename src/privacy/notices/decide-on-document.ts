import { inTransaction } from '../../db/transaction.ts';
import type { Db, DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../access/context.ts';
import type { DocumentKind } from '../../shared/policy-documents.ts';
import { recordConsent, type ConsentSubject } from '../consent/record-consent.ts';
import { canonicalDocumentText } from './document-text.ts';
import { customerStanding, visitorStanding, type DocumentStanding } from './document-standing.ts';

export type DocumentDecision = 'accepted' | 'declined' | 'acknowledged';

export interface DocumentAnswer {
  document: DocumentKind;
  version: number;
  /** Random id from the visitor's necessary cookie-choice cookie, when nobody is signed in. */
  visitorId?: string | null;
}

/**
 * Records that the change notice of a version was put in front of a signed-in customer (`shown`),
 * against the version and the hash of its text. Visitors leave no `shown` record.
 */
export async function recordDocumentShown(ctx: Ctx, db: Db, input: DocumentAnswer): Promise<void> {
  if (ctx.actor.type !== 'customer') return;
  const subject: ConsentSubject = { type: 'customer', id: ctx.actor.id };
  await inTransaction(db, async (tx) => {
    const standing = await standingFor(tx, subject, input);
    await recordConsent(ctx, tx, { subject, matter: { document: input.document }, version: standing.current.version, text: textOf(standing), action: 'shown', channel: 'web' });
  });
}

/**
 * An answer to the notice of the version in effect (R-UPD-1, R-UPD-2). A signed-in customer
 * acknowledges a change without material terms, and accepts or declines a material or
 * rights-narrowing one — never assumed; declining keeps their earlier version in force for them.
 * A visitor with a visitor id only acknowledges. Recorded with the version and its text hash, and
 * audited. Answering a version that is no longer in effect is refused, so nobody agrees to text they
 * were not shown; answering again what is already on record changes nothing.
 */
export async function decideOnDocument(ctx: Ctx, db: Db, input: DocumentAnswer & { action: DocumentDecision }): Promise<DocumentStanding> {
  const subject: ConsentSubject | null = ctx.actor.type === 'customer' ? { type: 'customer', id: ctx.actor.id } : input.visitorId ? { type: 'visitor', id: input.visitorId } : null;
  if (!subject) throw new AppError('bad_request', 'No customer session and no visitor id to record the answer against');
  return inTransaction(db, async (tx) => {
    const standing = await standingFor(tx, subject, input);
    if (standing.state === 'current') {
      if (input.action === 'declined') throw new AppError('bad_request', 'Nothing to decline: the current version applies');
      return standing;
    }
    const allowed: readonly DocumentDecision[] = standing.state === 'acknowledge' ? ['acknowledged'] : ['accepted', 'declined'];
    if (!allowed.includes(input.action)) {
      throw new AppError('validation_failed', `${input.action} does not answer a ${standing.state} notice`, { errors: [{ pointer: '/body/action', detail: allowed.join(' | ') }] });
    }
    await recordConsent(ctx, tx, { subject, matter: { document: input.document }, version: standing.current.version, text: textOf(standing), action: input.action, channel: 'web' });
    return (await standingOf(tx, subject, input.document)) as DocumentStanding;
  });
}

function standingOf(db: DbOrTx, subject: ConsentSubject, document: DocumentKind): Promise<DocumentStanding | null> {
  return subject.type === 'customer' ? customerStanding(db, subject.id, document) : visitorStanding(db, document, subject.id);
}

async function standingFor(db: DbOrTx, subject: ConsentSubject, input: DocumentAnswer): Promise<DocumentStanding> {
  const standing = await standingOf(db, subject, input.document);
  if (!standing) throw new AppError('not_found', `No version of ${input.document} is in effect`);
  if (standing.current.version !== input.version) throw new AppError('document_version_changed', `Version ${input.version} of ${input.document} is not the one in effect`, { details: { current: standing.current.version } });
  return standing;
}

function textOf(standing: DocumentStanding): string {
  return canonicalDocumentText(standing.document, standing.current.version, standing.current);
}
