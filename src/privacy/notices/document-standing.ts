import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { customerRegisteredAt } from '../../modules/accounts/customer-registered-at.ts';
import type { DocumentKind } from '../../shared/policy-documents.ts';
import { consentKeyOf } from '../consent/consent-purposes.ts';
import { consentRecords } from '../consent/schema.ts';
import type { DocumentVersion } from './effective-version.ts';
import { listPublishedVersions } from './published-versions.ts';

/**
 * The documents whose updates are put to people in the change notice. The cookie policy is asked
 * again by the cookie banner, which reads its version itself, so people are not asked twice.
 */
export const noticeDocuments = ['privacy_policy', 'user_agreement'] as const satisfies readonly DocumentKind[];

/**
 * Where a person stands with a document:
 * - current: the version in effect is the one that applies to them;
 * - acknowledge: a version without material changes took effect; they are told once (it applies);
 * - consent: a version with material or rights-narrowing changes took effect and they have not
 *   answered: until they accept, their earlier version stays in force for them (R-UPD-2);
 * - declined: they said no: their earlier version stays in force for them, and nothing new that relies
 *   on the new terms happens (requireCurrentTerms).
 */
export type TermsState = 'current' | 'acknowledge' | 'consent' | 'declined';

export interface VersionChange {
  version: number;
  effectiveAt: Date;
  material: boolean;
  narrowsRights: boolean;
  summaryZh: string;
  summaryEn: string;
}

export interface DocumentStanding {
  document: DocumentKind;
  /** The version in effect now. */
  current: DocumentVersion;
  /** The version that applies to this person. */
  inForce: number;
  state: TermsState;
  /** Versions after the person's own up to the current one, oldest first: what the notice summarises. */
  changes: VersionChange[];
  requiresConsent: boolean;
  /** When the person last decided on this document (accepted, acknowledged or declined), if ever. */
  decidedAt: Date | null;
}

/**
 * A customer's standing with a document, from their consent records. Without any decision on record
 * their starting point is the version in effect when they registered (the sign-in page presents it).
 */
export async function customerStanding(db: DbOrTx, customerId: string, document: DocumentKind, now = new Date()): Promise<DocumentStanding | null> {
  const versions = await listPublishedVersions(db, document);
  const current = inEffect(versions, now);
  if (!current) return null;
  const decisions = await db
    .select({ version: consentRecords.version, action: consentRecords.action, at: consentRecords.at })
    .from(consentRecords)
    .where(and(eq(consentRecords.subjectId, customerId), eq(consentRecords.matter, consentKeyOf({ document })), inArray(consentRecords.action, ['accepted', 'acknowledged', 'declined'])))
    .orderBy(desc(consentRecords.at));
  const agreed = decisions.filter((decision) => decision.action !== 'declined').reduce<number | null>((max, decision) => Math.max(max ?? 0, decision.version ?? 0), null);
  let base = agreed;
  if (base === null) {
    const registeredAt = await customerRegisteredAt(db, customerId);
    base = (registeredAt ? inEffect(versions, registeredAt)?.version : undefined) ?? firstVersion(versions);
  }
  const last = decisions[0];
  const standing = standingFrom(document, versions, current, base, now, last?.at ?? null);
  if (standing.state !== 'current' && last?.action === 'declined' && (last.version ?? 0) >= current.version) return { ...standing, state: 'declined' };
  return standing;
}

/**
 * An anonymous visitor's standing, from the records kept against the random visitor id of their
 * necessary cookie-choice cookie. A browser without one has not been here before (or keeps nothing):
 * it gets no change notice. Otherwise their starting point is the latest version they were told
 * about, or the one in effect at their first recorded visit. Visitors are only ever informed: there
 * is no account for new terms to apply to.
 */
export async function visitorStanding(db: DbOrTx, document: DocumentKind, visitorId: string | null, now = new Date()): Promise<DocumentStanding | null> {
  const versions = await listPublishedVersions(db, document);
  const current = inEffect(versions, now);
  if (!current) return null;
  const records = visitorId
    ? await db.select({ matter: consentRecords.matter, version: consentRecords.version, action: consentRecords.action, at: consentRecords.at }).from(consentRecords).where(eq(consentRecords.subjectId, visitorId)).orderBy(asc(consentRecords.at))
    : [];
  const first = records[0];
  if (!first) return standingFrom(document, versions, current, current.version, now, null);
  const told = records.filter((record) => record.matter === consentKeyOf({ document }) && record.action === 'acknowledged');
  const base = told.length > 0 ? Math.max(...told.map((record) => record.version ?? 0)) : (inEffect(versions, first.at)?.version ?? current.version);
  const standing = standingFrom(document, versions, current, base, now, told.at(-1)?.at ?? null);
  return standing.state === 'current' ? standing : { ...standing, state: 'acknowledge', inForce: current.version };
}

/** The version that applies to a customer: the current one, or their earlier one while they have not accepted a material change. */
export async function termsInForceFor(db: DbOrTx, customerId: string, document: DocumentKind, now = new Date()): Promise<number | null> {
  return (await customerStanding(db, customerId, document, now))?.inForce ?? null;
}

function standingFrom(document: DocumentKind, versions: DocumentVersion[], current: DocumentVersion, base: number, now: Date, decidedAt: Date | null): DocumentStanding {
  if (current.version <= base) return { document, current, inForce: current.version, state: 'current', changes: [], requiresConsent: false, decidedAt };
  const changes = versions
    .filter((v) => v.version > base && v.version <= current.version && (v.effectiveAt as Date) <= now)
    .sort((a, b) => a.version - b.version)
    .map((v) => ({ version: v.version, effectiveAt: v.effectiveAt as Date, material: v.material, narrowsRights: v.narrowsRights, summaryZh: v.summaryZh, summaryEn: v.summaryEn }));
  const requiresConsent = changes.some((change) => change.material || change.narrowsRights);
  // A change without material terms applies once it takes effect; the person is told. One with them waits for consent.
  return { document, current, inForce: requiresConsent ? base : current.version, state: requiresConsent ? 'consent' : 'acknowledge', changes, requiresConsent, decidedAt };
}

function inEffect(versions: DocumentVersion[], at: Date): DocumentVersion | undefined {
  return versions.find((version) => version.effectiveAt !== null && version.effectiveAt <= at);
}

function firstVersion(versions: DocumentVersion[]): number {
  return versions.reduce((min, version) => Math.min(min, version.version), Number.POSITIVE_INFINITY);
}
