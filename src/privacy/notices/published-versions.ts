import { and, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { DocumentKind } from '../../shared/policy-documents.ts';
import type { DocumentVersion } from './effective-version.ts';
import type { RenderSettings } from './placeholders.ts';
import { renderDocument } from './render-document.ts';
import { documentVersions } from './schema.ts';
import { diffText, type DiffLine } from './text-diff.ts';

const published = (document: DocumentKind) => and(eq(documentVersions.document, document), eq(documentVersions.status, 'published'));

/** Published versions of a document, newest first: in effect, earlier, and scheduled. Drafts never. */
export async function listPublishedVersions(db: DbOrTx, document: DocumentKind): Promise<DocumentVersion[]> {
  return db.select().from(documentVersions).where(published(document)).orderBy(desc(documentVersions.version));
}

/** One published version; a draft answers not found, as if it did not exist. */
export async function publishedVersion(db: DbOrTx, document: DocumentKind, version: number): Promise<DocumentVersion> {
  const [row] = await db.select().from(documentVersions).where(and(published(document), eq(documentVersions.version, version)));
  if (!row) throw new AppError('not_found', `No published version ${version} of ${document}`);
  return row;
}

/** The published version before `version` (the one a new version changes), if any. */
export async function previousPublishedVersion(db: DbOrTx, document: DocumentKind, version: number): Promise<DocumentVersion | null> {
  const [row] = await db
    .select()
    .from(documentVersions)
    .where(and(published(document), lt(documentVersions.version, version)))
    .orderBy(desc(documentVersions.version))
    .limit(1);
  return row ?? null;
}

export interface VersionDiff {
  zh: DiffLine[];
  en: DiffLine[];
}

/**
 * What changed between two versions, per language, as people read them (placeholders filled, so the
 * operator's details never show as changes). The title is the first line of each side.
 */
export function diffVersions(settings: RenderSettings, before: DocumentVersion | null, after: DocumentVersion): VersionDiff {
  const next = renderDocument(settings, after);
  const previous = before ? renderDocument(settings, before) : null;
  const sideOf = (text: { title: string; body: string } | undefined) => (text ? `# ${text.title}\n\n${text.body.trimEnd()}` : '');
  return { zh: diffText(sideOf(previous?.zh), sideOf(next.zh)), en: diffText(sideOf(previous?.en), sideOf(next.en)) };
}
