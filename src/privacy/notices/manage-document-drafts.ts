import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { authorizeStaff } from '../../modules/staff/policies.ts';
import { newId } from '../../shared/ids.ts';
import type { Ctx } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { DocumentKind } from '../../shared/policy-documents.ts';
import type { DocumentContent } from './document-text.ts';
import type { DocumentVersion } from './effective-version.ts';
import { documentVersions } from './schema.ts';

export interface DraftChanges extends DocumentContent {
  material: boolean;
  narrowsRights: boolean;
}

const byVersion = (document: DocumentKind, version: number) => and(eq(documentVersions.document, document), eq(documentVersions.version, version));

/** Every version of every document, newest first, for the console (R-UPD-1). */
export async function listDocumentVersions(ctx: Ctx, db: DbOrTx): Promise<DocumentVersion[]> {
  authorizeStaff(ctx.actor, 'documents.read');
  return db.select().from(documentVersions).orderBy(asc(documentVersions.document), desc(documentVersions.version));
}

export async function getDocumentVersion(ctx: Ctx, db: DbOrTx, key: { document: DocumentKind; version: number }): Promise<DocumentVersion> {
  authorizeStaff(ctx.actor, 'documents.read');
  const [row] = await db.select().from(documentVersions).where(byVersion(key.document, key.version));
  if (!row) throw new AppError('not_found', `No version ${key.version} of ${key.document}`);
  return row;
}

/**
 * Starts the next version as a copy of the newest one, with an empty change summary and both flags
 * off, so the compliance officer decides them for this change. One draft per document at a time.
 */
export async function draftDocumentVersion(ctx: Ctx, db: DbOrTx, input: { document: DocumentKind }): Promise<DocumentVersion> {
  const staff = authorizeStaff(ctx.actor, 'documents.manage');
  const [latest] = await db.select().from(documentVersions).where(eq(documentVersions.document, input.document)).orderBy(desc(documentVersions.version)).limit(1);
  if (latest?.status === 'draft') throw new AppError('document_draft_exists', `${input.document} already has draft version ${latest.version}`, { details: { version: latest.version } });
  const id = newId('dv');
  const [draft] = await db
    .insert(documentVersions)
    .values({
      id,
      document: input.document,
      version: (latest?.version ?? 0) + 1,
      status: 'draft',
      titleZh: latest?.titleZh ?? '',
      titleEn: latest?.titleEn ?? '',
      bodyZh: latest?.bodyZh ?? '',
      bodyEn: latest?.bodyEn ?? '',
      summaryZh: '',
      summaryEn: '',
      material: false,
      narrowsRights: false,
      createdBy: staff.id,
    })
    .onConflictDoNothing()
    .returning();
  // Someone drafted the same version a moment earlier.
  if (!draft) throw new AppError('document_draft_exists', `${input.document} got a draft concurrently`);
  await recordAudit(db, ctx, { action: 'create', record: `document_versions/${id}`, fields: ['document', 'version'] });
  return draft;
}

/** Saves the text and flags of a draft. A published version is refused here and by the database. */
export async function editDocumentDraft(ctx: Ctx, db: DbOrTx, key: { document: DocumentKind; version: number }, changes: DraftChanges): Promise<DocumentVersion> {
  authorizeStaff(ctx.actor, 'documents.manage');
  const [saved] = await db
    .update(documentVersions)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(byVersion(key.document, key.version), eq(documentVersions.status, 'draft')))
    .returning();
  if (!saved) throw await notADraft(db, key);
  await recordAudit(db, ctx, { action: 'update', record: `document_versions/${saved.id}`, fields: Object.keys(changes) });
  return saved;
}

export async function discardDocumentDraft(ctx: Ctx, db: DbOrTx, key: { document: DocumentKind; version: number }): Promise<void> {
  authorizeStaff(ctx.actor, 'documents.manage');
  const [deleted] = await db
    .delete(documentVersions)
    .where(and(byVersion(key.document, key.version), eq(documentVersions.status, 'draft')))
    .returning({ id: documentVersions.id });
  if (!deleted) throw await notADraft(db, key);
  await recordAudit(db, ctx, { action: 'delete', record: `document_versions/${deleted.id}`, fields: ['document', 'version'] });
}

/** Why a draft operation found nothing: no such version, or it is published and so cannot change. */
export async function notADraft(db: DbOrTx, key: { document: DocumentKind; version: number }): Promise<AppError> {
  const [row] = await db.select({ status: documentVersions.status }).from(documentVersions).where(byVersion(key.document, key.version));
  return row
    ? new AppError('document_version_published', `Version ${key.version} of ${key.document} is published and cannot change`)
    : new AppError('not_found', `No version ${key.version} of ${key.document}`);
}
