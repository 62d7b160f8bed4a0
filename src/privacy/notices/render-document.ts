import type { DocumentVersion } from './effective-version.ts';
import { fillPlaceholders, placeholderValues, type DocumentLanguage, type RenderSettings } from './placeholders.ts';

export interface RenderedText {
  title: string;
  summary: string;
  /** Markdown with the placeholders filled; the pages render it without raw HTML. */
  body: string;
}

export type RenderedDocument = Record<DocumentLanguage, RenderedText>;

/** A version as people read it: the stored template with the operator's configured details filled in (R-PLAT-2). */
export function renderDocument(settings: RenderSettings, version: DocumentVersion): RenderedDocument {
  const render = (language: DocumentLanguage, text: { title: string; summary: string; body: string }): RenderedText => {
    const values = placeholderValues(settings, language, { effectiveAt: version.effectiveAt, publishedAt: version.publishedAt, version: version.version });
    return { title: fillPlaceholders(text.title, values), summary: fillPlaceholders(text.summary, values), body: fillPlaceholders(text.body, values) };
  };
  return {
    zh: render('zh', { title: version.titleZh, summary: version.summaryZh, body: version.bodyZh }),
    en: render('en', { title: version.titleEn, summary: version.summaryEn, body: version.bodyEn }),
  };
}
