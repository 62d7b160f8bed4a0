import { and, asc, eq, gt, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { consentKeyOf, type ConsentPurposeKey } from './consent-purposes.ts';
import { hasConsent } from './record-consent.ts';
import { consentState } from './schema.ts';

/**
 * For a process that may act only with the person's consent (an application needing sensitive PI,
 * a disclosure to the insurer): refuses with `consent_required` unless the current answer is yes.
 * Checked when acting, never cached, so a withdrawal takes effect for the very next step.
 */
export async function requireConsent(db: DbOrTx, subjectId: string, purpose: ConsentPurposeKey): Promise<void> {
  if (await hasConsent(db, subjectId, { purpose })) return;
  throw new AppError('consent_required', `No consent in force for ${purpose}`, { params: { purpose }, details: { purpose } });
}

/**
 * One batch of the people whose current answer on a purpose is yes, in id order after `after`
 * (keyset pagination, so a long run never skips or repeats anyone). A candidate list only: a
 * process re-checks each person with hasConsent right before it acts.
 */
export async function subjectsWithConsent(db: DbOrTx, purpose: ConsentPurposeKey, options: { after: string | null; limit: number; idPrefix: string }): Promise<string[]> {
  const conditions = [eq(consentState.matter, consentKeyOf({ purpose })), eq(consentState.granted, true), like(consentState.subjectId, `${options.idPrefix}\\_%`)];
  if (options.after !== null) conditions.push(gt(consentState.subjectId, options.after));
  const rows = await db
    .select({ subjectId: consentState.subjectId })
    .from(consentState)
    .where(and(...conditions))
    .orderBy(asc(consentState.subjectId))
    .limit(options.limit);
  return rows.map((row) => row.subjectId);
}

/** How many people currently say yes to a purpose (a campaign's expected reach, shown as its progress total). */
export async function countSubjectsWithConsent(db: DbOrTx, purpose: ConsentPurposeKey, idPrefix: string): Promise<number> {
  return db.$count(consentState, and(eq(consentState.matter, consentKeyOf({ purpose })), eq(consentState.granted, true), like(consentState.subjectId, `${idPrefix}\\_%`)));
}
