import { and, eq } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db, Tx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import { isManagedPurpose, type ConsentAction } from '../../shared/consents.ts';
import type { Ctx } from '../access/context.ts';
import { requireCurrentTerms } from '../notices/require-current-terms.ts';
import { consentKeyOf } from './consent-purposes.ts';
import { ownConsentSubject } from './list-my-consents.ts';
import { purposeNotice } from './purpose-notices.ts';
import { recordConsent } from './record-consent.ts';
import { consentState } from './schema.ts';

export interface PurposeDecision {
  purpose: string;
  decision: 'grant' | 'withdraw';
  /** The version of the wording the person saw: a decision on an outdated text is refused. */
  version: number;
}

export interface PurposeDecisionResult {
  purpose: string;
  granted: boolean;
  /** False when the answer already was this one: nothing new was recorded. */
  changed: boolean;
}

/**
 * The signed-in customer grants or withdraws one purpose consent in one click (R-RGT-4, R-USE-2).
 * The decision is recorded with the wording, version and hash shown in the person's language, and is
 * the current answer as soon as it commits: every process checks consent when it acts (hasConsent),
 * so a withdrawal stops what relied on it from that moment, while earlier processing stays lawful.
 * Saying no to a purpose never asked about is recorded as `declined`, to one given as `withdrawn`.
 * A grant starts processing under the current terms, so it waits for a material change of them to be
 * accepted (R-UPD-2); saying no never does.
 */
/**
 * What a domain must undo, in the withdrawal's own transaction, when a consent it relied on is
 * withdrawn (PIPL art. 47): e.g. the saved ID document when `sensitive_pi` goes. The HTTP layer
 * composes them, so the privacy core knows no domain.
 */
export type WithdrawalEffects = Partial<Record<string, (tx: Tx, ctx: Ctx, subjectId: string) => Promise<unknown>>>;

export async function decidePurposeConsent(ctx: Ctx, input: PurposeDecision, language: Language, db: Db, effects: WithdrawalEffects = {}): Promise<PurposeDecisionResult> {
  const subjectId = ownConsentSubject(ctx);
  if (!isManagedPurpose(input.purpose)) throw new AppError('not_found', `No consent purpose ${input.purpose} to decide on`);
  const purpose = input.purpose;
  const notice = purposeNotice(purpose, language);
  if (input.version !== notice.version) {
    throw new AppError('consent_text_changed', `Decision on ${purpose} made on version ${input.version}, current is ${notice.version}`);
  }
  const isGrant = input.decision === 'grant';
  if (isGrant) await requireCurrentTerms(ctx, db);
  return inTransaction(db, async (tx) => {
    const [current] = await tx
      .select({ granted: consentState.granted, version: consentState.version })
      .from(consentState)
      .where(and(eq(consentState.subjectId, subjectId), eq(consentState.matter, consentKeyOf({ purpose }))))
      .for('update');
    const isSameAnswer = current !== undefined && current.granted === isGrant && (!isGrant || current.version === notice.version);
    if (isSameAnswer) return { purpose, granted: isGrant, changed: false };
    const action: ConsentAction = isGrant ? 'accepted' : current?.granted ? 'withdrawn' : 'declined';
    await recordConsent(ctx, tx, { subject: { type: 'customer', id: subjectId }, matter: { purpose }, version: notice.version, text: notice.text, action, channel: 'web' });
    if (action === 'withdrawn') await effects[purpose]?.(tx, ctx, subjectId);
    return { purpose, granted: isGrant, changed: true };
  });
}
