import { createHash } from 'node:crypto';
import type { ProductDocumentKind } from '../../shared/catalogue/terms.ts';
import type { RatingTable } from './rating/rating-table.ts';
import type { HealthQuestion } from './schema.ts';

/** JSON with object keys in sorted order at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface DocumentContent {
  kind: ProductDocumentKind;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  questions: HealthQuestion[] | null;
}

/** The hash of a product document as shown (both languages, and the questions of a health declaration). */
export function documentHash(content: DocumentContent): string {
  return sha256(canonicalJson({ kind: content.kind, titleZh: content.titleZh, titleEn: content.titleEn, bodyZh: content.bodyZh, bodyEn: content.bodyEn, questions: content.questions }));
}

export function ratingHash(table: RatingTable): string {
  return sha256(canonicalJson(table));
}
