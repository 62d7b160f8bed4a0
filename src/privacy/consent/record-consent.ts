import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { ConsentAction, ConsentChannel } from '../../shared/consents.ts';
import { newId } from '../../shared/ids.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { consentKeyOf, type ConsentSubjectMatter } from './consent-purposes.ts';
import { consentRecords, consentState } from './schema.ts';

/** Whose decision: a customer, or an anonymous visitor (a random id in a necessary cookie). */
export type ConsentSubject = { type: 'customer'; id: string } | { type: 'visitor'; id: string };

export interface ConsentDecision {
  subject: ConsentSubject;
  matter: ConsentSubjectMatter;
  /** The document version, or the version of the purpose wording shown. */
  version: number | null;
  /** The exact text the person saw: its hash is the evidence of what they agreed to. */
  text: string;
  action: ConsentAction;
  channel: ConsentChannel;
  /** Set when someone acts for the person (a guardian for a child under 14). */
  actedBy?: 'guardian' | null;
}

export function hashConsentText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Actions that change the current answer; `shown` only proves the text was put in front of the person. */
const grants: Partial<Record<ConsentAction, boolean>> = { accepted: true, acknowledged: true, declined: false, withdrawn: false };

/**
 * Records one consent decision (append-only evidence) and, unless it is only `shown`, makes it the
 * current answer for that person and matter — in the caller's transaction when given one, so a
 * decision and what depends on it commit together. Audited as a create (decisions) or read (shown).
 */
export async function recordConsent(ctx: Ctx, db: DbOrTx, decision: ConsentDecision): Promise<string> {
  const id = newId('cns');
  const matter = consentKeyOf(decision.matter);
  const at = new Date();
  await db.insert(consentRecords).values({
    id,
    subjectType: decision.subject.type,
    subjectId: decision.subject.id,
    matter,
    version: decision.version,
    textHash: hashConsentText(decision.text),
    action: decision.action,
    channel: decision.channel,
    actedBy: decision.actedBy ?? null,
    at,
    ip: ctx.ip,
  });
  const granted = grants[decision.action];
  if (granted !== undefined) {
    const state = { granted, version: decision.version, recordId: id, updatedAt: at };
    await db
      .insert(consentState)
      .values({ subjectId: decision.subject.id, matter, ...state })
      .onConflictDoUpdate({ target: [consentState.subjectId, consentState.matter], set: state });
  }
  await recordAudit(db, ctx, { action: decision.action === 'shown' ? 'read' : 'create', subjectId: decision.subject.id, record: `consent_records/${id}`, fields: [matter, decision.action] });
  return id;
}

/** Whether the person's current answer on a matter is yes (and, when given, for at least that version). */
export async function hasConsent(db: DbOrTx, subjectId: string, matter: ConsentSubjectMatter, minimumVersion?: number): Promise<boolean> {
  const [row] = await db
    .select({ granted: consentState.granted, version: consentState.version })
    .from(consentState)
    .where(and(eq(consentState.subjectId, subjectId), eq(consentState.matter, consentKeyOf(matter))));
  if (!row?.granted) return false;
  return minimumVersion === undefined || (row.version ?? 0) >= minimumVersion;
}

/** The current answers of one person, by matter key (`purpose:marketing_sms`, `document:privacy_policy`). */
export async function currentConsents(db: DbOrTx, subjectId: string, matters?: ConsentSubjectMatter[]): Promise<Map<string, { granted: boolean; version: number | null; updatedAt: Date }>> {
  const condition = matters ? and(eq(consentState.subjectId, subjectId), inArray(consentState.matter, matters.map(consentKeyOf))) : eq(consentState.subjectId, subjectId);
  const rows = await db.select().from(consentState).where(condition);
  return new Map(rows.map((row) => [row.matter, { granted: row.granted, version: row.version, updatedAt: row.updatedAt }]));
}
