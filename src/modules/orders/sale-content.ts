import { createHash } from 'node:crypto';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import { canonicalJson } from '../catalogue/content-hash.ts';
import type { CatalogueProduct, DocumentRow } from '../catalogue/load-catalogue.ts';
import type { HealthQuestion } from '../catalogue/schema.ts';
import { saleStatements, type ShowableStep } from '../../shared/orders.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What the server shows at one step: the exact text, its hash, and the statement confirmed under it. */
export interface SaleContent {
  kind: ShowableStep;
  documentId: string | null;
  contentHash: string;
  title: string;
  body: string;
  questions: Array<{ id: string; text: string }> | null;
  statement: string | null;
}

export type { ShowableStep };
const DOCUMENT_STEPS = ['purchase_notice', 'terms', 'exclusions', 'health_declaration'] as const;
export type DocumentStep = (typeof DOCUMENT_STEPS)[number];

/** Whether the step shows a product document (else it shows one of the platform's statements). */
export function isDocumentStep(kind: ShowableStep): kind is DocumentStep {
  return (DOCUMENT_STEPS as readonly string[]).includes(kind);
}

/** The hash recorded for the product page: the product as priced and covered, in both languages. */
export function productPageHash(product: CatalogueProduct): string {
  const plans = product.plans.map((plan) => ({ code: plan.code, nameZh: plan.nameZh, nameEn: plan.nameEn, coverages: plan.coverages.map(({ item, sumInsuredFen, deductibleFen, itemZh, itemEn }) => ({ item, sumInsuredFen, deductibleFen, itemZh, itemEn })) }));
  return sha256(canonicalJson({ code: product.code, nameZh: product.nameZh, nameEn: product.nameEn, plans, rating: product.rating?.contentHash ?? null }));
}

/** A statement-only step (authorisation, confirmation): the statement is the content. */
function statementHash(kind: keyof typeof saleStatements): string {
  return sha256(canonicalJson({ kind, ...saleStatements[kind] }));
}

/**
 * The content of one step in the person's language, from the product's documents in force
 * (`currentDocuments`, or the one `readSaleContent` reads; their stored hash covers both languages); a product
 * without a health declaration has no such step.
 */
export function saleContentOf(documents: readonly DocumentRow[], kind: ShowableStep, language: Language): SaleContent {
  const zh = language === 'zh-CN';
  if (!isDocumentStep(kind)) {
    const statement = saleStatements[kind];
    const text = zh ? statement.zh : statement.en;
    return { kind, documentId: null, contentHash: statementHash(kind), title: '', body: text, questions: null, statement: text };
  }
  const document = documents.find((row) => row.kind === kind);
  if (!document) throw new AppError('not_found', `Product has no ${kind} document`);
  const statement = saleStatements[kind];
  return {
    kind,
    documentId: document.id,
    contentHash: document.textHash,
    title: zh ? document.titleZh : document.titleEn,
    body: zh ? document.bodyZh : document.bodyEn,
    questions: (document.questions as HealthQuestion[] | null)?.map((question) => ({ id: question.id, text: zh ? question.zh : question.en })) ?? null,
    statement: zh ? statement.zh : statement.en,
  };
}
