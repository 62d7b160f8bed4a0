import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/types.ts';
import type { Language } from '../../../errors/error-codes.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import type { ProductDocumentKind } from '../../../shared/catalogue/terms.ts';
import { newId } from '../../../shared/ids.ts';
import { documentHash, type DocumentContent } from '../content-hash.ts';
import { productDocuments } from '../schema.ts';
import { EditProblems } from './edit-problems.ts';
import { editProduct } from './edit-product.ts';

const QUESTION_ID = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Writes a new version of one of a product's documents (条款, 投保须知, 责任免除, 健康告知; R-POL-1):
 * version + 1 with the hash of its content, at any time, also while the product is on sale or after
 * it was sold. Versions are never changed (a trigger refuses it): sales record the hash of the
 * version they showed, so sold policies keep theirs and new sales show the new one. Text equal to
 * the version in force writes nothing and answers that version.
 */
export async function addDocumentVersion(ctx: Ctx, db: Db, input: { code: string; document: DocumentContent; language: Language }): Promise<{ version: number; textHash: string }> {
  return editProduct(ctx, db, input, async (tx, { product, staffId }) => {
    documentProblems(input.document, input.language).refuseIfAny(`Document ${input.document.kind} of ${product.code}`);
    const content = normalised(input.document);
    const textHash = documentHash(content);
    const latest = await latestVersion(tx, product.id, content.kind);
    if (latest?.textHash === textHash) return { fields: [], result: { version: latest.version, textHash } };
    const version = (latest?.version ?? 0) + 1;
    await tx.insert(productDocuments).values({ id: newId('pdv'), productId: product.id, ...content, version, textHash, createdBy: staffId });
    return { fields: [`documents.${content.kind}`], result: { version, textHash } };
  });
}

async function latestVersion(tx: Tx, productId: string, kind: ProductDocumentKind): Promise<{ version: number; textHash: string } | undefined> {
  const [row] = await tx
    .select({ version: productDocuments.version, textHash: productDocuments.textHash })
    .from(productDocuments)
    .where(and(eq(productDocuments.productId, productId), eq(productDocuments.kind, kind)))
    .orderBy(desc(productDocuments.version))
    .limit(1);
  return row;
}

/** Questions belong to the 健康告知 only; other documents carry none. */
function normalised(document: DocumentContent): DocumentContent {
  return { ...document, questions: document.kind === 'health_declaration' ? document.questions : null };
}

/** Both languages of every text, bounded; a 健康告知 with at least one question, ids unique. */
function documentProblems(document: DocumentContent, language: Language): EditProblems {
  const problems = new EditProblems(language);
  problems.text('/titleZh', document.titleZh, 100);
  problems.text('/titleEn', document.titleEn, 200);
  problems.text('/bodyZh', document.bodyZh, 50_000);
  problems.text('/bodyEn', document.bodyEn, 100_000);
  if (document.kind !== 'health_declaration') return problems;
  const questions = document.questions ?? [];
  if (questions.length === 0) problems.say('/questions', '健康告知至少需要一个问题', 'A health declaration needs at least one question');
  if (questions.length > 30) problems.say('/questions', '最多 30 个问题', 'At most 30 questions');
  problems.unique('/questions', questions.map((question) => question.id));
  questions.forEach((question, index) => {
    if (!QUESTION_ID.test(question.id)) problems.say(`/questions/${index}/id`, '以小写字母开头，仅含小写字母、数字和下划线，最多 40 个字符', 'Starts with a lower-case letter; lower-case letters, digits and underscores, at most 40 characters');
    problems.text(`/questions/${index}/zh`, question.zh, 300);
    problems.text(`/questions/${index}/en`, question.en, 600);
  });
  return problems;
}
