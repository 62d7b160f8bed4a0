import type { DocumentKind } from '../../shared/policy-documents.ts';
import { hashConsentText } from '../consent/record-consent.ts';

/** The words of one version, in both languages: what is hashed, rendered, compared and consented to. */
export interface DocumentContent {
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  bodyZh: string;
  bodyEn: string;
}

/**
 * The exact text of a version as one string, in a fixed order and format. Its SHA-256 is the
 * version's `text_hash`, and the same string is what a consent decision is recorded against, so a
 * consent record's hash equals the hash of the published version it answers (R-UPD-1). The text is
 * the template as published: operator details filled in from configuration when it is shown are not
 * part of it, so correcting a hotline does not make a new version.
 */
export function canonicalDocumentText(document: DocumentKind, version: number, content: DocumentContent): string {
  return JSON.stringify({
    document,
    version,
    title: { zh: content.titleZh, en: content.titleEn },
    summary: { zh: content.summaryZh, en: content.summaryEn },
    body: { zh: content.bodyZh, en: content.bodyEn },
  });
}

export function documentTextHash(document: DocumentKind, version: number, content: DocumentContent): string {
  return hashConsentText(canonicalDocumentText(document, version, content));
}
