import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { DocumentKind } from '../../shared/policy-documents.ts';
import { documentVersions } from './schema.ts';

export type DocumentVersion = typeof documentVersions.$inferSelect;

/**
 * The version of a document in effect now: the newest published one whose effective time has come.
 * A version published for a later date is not yet in effect, so people are not asked about it early.
 */
export async function effectiveVersion(db: DbOrTx, document: DocumentKind, at: Date = new Date()): Promise<DocumentVersion | null> {
  const [row] = await db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.document, document), eq(documentVersions.status, 'published'), lte(documentVersions.effectiveAt, sql`${at.toISOString()}::timestamptz`)))
    .orderBy(desc(documentVersions.version))
    .limit(1);
  return row ?? null;
}
