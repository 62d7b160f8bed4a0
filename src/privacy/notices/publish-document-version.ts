import { and, desc, eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError, type FieldProblem } from '../../errors/app-error.ts';
import { authorizeStaff } from '../../modules/staff/policies.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { DocumentKind } from '../../shared/policy-documents.ts';
import { documentTextHash } from './document-text.ts';
import type { DocumentVersion } from './effective-version.ts';
import { notADraft } from './manage-document-drafts.ts';
import { unknownPlaceholders } from './placeholders.ts';
import { documentVersions } from './schema.ts';

// A time "now" typed in a form is a few seconds old when it arrives.
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Publishes a draft (R-UPD-1): its text hash is fixed, it is effective now or at a later time
 * (scheduled), and from then on it never changes — the database refuses any update or deletion of a
 * published version. Versions take effect in order: not before the previous published one does.
 * A version after the first needs a change summary in both languages, which the notice shows people.
 */
export async function publishDocumentVersion(ctx: Ctx, db: Db, input: { document: DocumentKind; version: number; effectiveAt?: Date | null }, now = new Date()): Promise<DocumentVersion> {
  authorizeStaff(ctx.actor, 'documents.manage');
  return inTransaction(db, async (tx) => {
    const [draft] = await tx
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.document, input.document), eq(documentVersions.version, input.version), eq(documentVersions.status, 'draft')))
      .for('update');
    if (!draft) throw await notADraft(tx, input);
    const [previous] = await tx
      .select({ effectiveAt: documentVersions.effectiveAt })
      .from(documentVersions)
      .where(and(eq(documentVersions.document, input.document), eq(documentVersions.status, 'published')))
      .orderBy(desc(documentVersions.version))
      .limit(1);
    const effectiveAt = input.effectiveAt && input.effectiveAt > now ? input.effectiveAt : now;
    const problems = completenessProblems(draft);
    if (input.effectiveAt && input.effectiveAt.getTime() < now.getTime() - CLOCK_SLACK_MS) problems.push({ pointer: '/body/effectiveAt', detail: '≥ now' });
    if (previous?.effectiveAt && effectiveAt < previous.effectiveAt) problems.push({ pointer: '/body/effectiveAt', detail: `≥ ${previous.effectiveAt.toISOString()}` });
    if (problems.length > 0) throw new AppError('validation_failed', `Version ${input.version} of ${input.document} is not ready to publish`, { errors: problems });

    const [published] = await tx
      .update(documentVersions)
      .set({ status: 'published', textHash: documentTextHash(draft.document, draft.version, draft), publishedAt: now, effectiveAt, updatedAt: sql`now()` })
      .where(eq(documentVersions.id, draft.id))
      .returning();
    await recordAudit(tx, ctx, { action: 'update', record: `document_versions/${draft.id}`, fields: ['status', 'text_hash', 'published_at', 'effective_at'] });
    return published as DocumentVersion;
  });
}

function completenessProblems(draft: DocumentVersion): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const required: Array<[keyof DocumentVersion & string, string]> = [
    ['titleZh', draft.titleZh],
    ['titleEn', draft.titleEn],
    ['bodyZh', draft.bodyZh],
    ['bodyEn', draft.bodyEn],
  ];
  if (draft.version > 1) required.push(['summaryZh', draft.summaryZh], ['summaryEn', draft.summaryEn]);
  for (const [field, value] of required) if (value.trim() === '') problems.push({ pointer: `/${field}`, detail: 'required' });
  const texts: Array<[string, string]> = [
    ['titleZh', draft.titleZh],
    ['titleEn', draft.titleEn],
    ['summaryZh', draft.summaryZh],
    ['summaryEn', draft.summaryEn],
    ['bodyZh', draft.bodyZh],
    ['bodyEn', draft.bodyEn],
  ];
  for (const [field, value] of texts) {
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0) problems.push({ pointer: `/${field}`, detail: `unknown placeholder ${unknown.map((name) => `{{${name}}}`).join(', ')}` });
  }
  return problems;
}
