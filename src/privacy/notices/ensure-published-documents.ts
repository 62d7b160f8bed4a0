import type { DbOrTx } from '../../db/types.ts';
import { newId } from '../../shared/ids.ts';
import { systemCtx } from '../access/context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { documentKinds, type DocumentKind } from '../../shared/policy-documents.ts';
import { documentTextHash, type DocumentContent } from './document-text.ts';
import { loadInitialText } from './initial-texts.ts';
import { documentVersions } from './schema.ts';

export interface EnsureDocumentsOptions {
  /** Where version 1 comes from; the shipped texts/ files unless a test gives its own. */
  loadText?: (document: DocumentKind) => DocumentContent | null;
  now?: Date;
}

/**
 * At start: every document that has no version at all gets version 1, published and in effect now,
 * from the shipped texts (R-UPD-1). A document with any version (a draft in the console included) is
 * left alone, and two processes starting at once publish it once (unique document + version).
 * Returns the documents published now and those with no text to publish.
 */
export async function ensurePublishedDocuments(db: DbOrTx, options: EnsureDocumentsOptions = {}): Promise<{ published: DocumentKind[]; missing: DocumentKind[] }> {
  const loadText = options.loadText ?? ((document: DocumentKind) => loadInitialText(document));
  const now = options.now ?? new Date();
  const existing = new Set((await db.selectDistinct({ document: documentVersions.document }).from(documentVersions)).map((row) => row.document));
  const published: DocumentKind[] = [];
  const missing: DocumentKind[] = [];
  for (const document of documentKinds.filter((kind) => !existing.has(kind))) {
    const text = loadText(document);
    if (!text) {
      missing.push(document);
      continue;
    }
    const content = { ...text, summaryZh: text.summaryZh || '首次发布。', summaryEn: text.summaryEn || 'First publication.' };
    const id = newId('dv');
    const inserted = await db
      .insert(documentVersions)
      .values({ id, document, version: 1, status: 'published', ...content, textHash: documentTextHash(document, 1, content), publishedAt: now, effectiveAt: now, createdBy: 'system', createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: documentVersions.id });
    if (inserted.length === 0) continue;
    published.push(document);
    await recordAudit(db, systemCtx('ensure-documents', 'legal_obligation'), { action: 'create', record: `document_versions/${id}`, fields: ['status', 'text_hash', 'effective_at'] });
  }
  return { published, missing };
}

