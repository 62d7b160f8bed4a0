import { and, eq, gt, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { consentKeyOf } from '../../privacy/consent/consent-purposes.ts';
import { purposeNotice } from '../../privacy/consent/purpose-notices.ts';
import { recordConsent } from '../../privacy/consent/record-consent.ts';
import { consentState } from '../../privacy/consent/schema.ts';
import type { UnsubscribeResult } from '../../shared/marketing.ts';
import { isMarketingPurpose, linkChannelOf } from './channels.ts';
import { unsubscribeTokens } from './schema.ts';
import { hashUnsubscribeToken, isUnsubscribeTokenShape } from './unsubscribe-tokens.ts';

/**
 * One click on a marketing message's unsubscribe link (R-USE-2), signed in or not: the link's
 * channel consent is withdrawn at once — recorded like any other withdrawal, through `sms_link` or
 * `email_link` — so the very next message check skips the person. Clicking again records nothing.
 * An unknown or expired link is refused without saying whether it ever existed.
 */
export async function unsubscribeWithToken(ctx: Ctx, token: string, language: Language, db: Db): Promise<UnsubscribeResult> {
  if (!isUnsubscribeTokenShape(token)) throw new AppError('unsubscribe_link_invalid', 'Unsubscribe token of the wrong shape');
  const tokenHash = hashUnsubscribeToken(token);
  return inTransaction(db, async (tx) => {
    const [link] = await tx
      .update(unsubscribeTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(unsubscribeTokens.tokenHash, tokenHash), gt(unsubscribeTokens.expiresAt, sql`now()`)))
      .returning({ customerId: unsubscribeTokens.customerId, purpose: unsubscribeTokens.purpose });
    if (!link || !isMarketingPurpose(link.purpose)) throw new AppError('unsubscribe_link_invalid', 'Unknown or expired unsubscribe token');
    const purpose = link.purpose;
    const [current] = await tx
      .select({ granted: consentState.granted })
      .from(consentState)
      .where(and(eq(consentState.subjectId, link.customerId), eq(consentState.matter, consentKeyOf({ purpose }))))
      .for('update');
    if (!current?.granted) return { purpose, outcome: 'already_withdrawn' as const };
    const notice = purposeNotice(purpose, language);
    await recordConsent(ctx, tx, {
      subject: { type: 'customer', id: link.customerId },
      matter: { purpose },
      version: notice.version,
      text: notice.text,
      action: 'withdrawn',
      channel: linkChannelOf[purpose],
    });
    return { purpose, outcome: 'withdrawn' as const };
  });
}
