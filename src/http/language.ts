import type { Language } from '../errors/error-codes.ts';

export const supportedLanguages: readonly Language[] = ['zh-CN', 'en'];
export const defaultLanguage: Language = 'zh-CN';

/**
 * Picks zh-CN or English from an Accept-Language header, honouring q-values. Any Chinese variant
 * maps to zh-CN (the only Chinese text we have); anything unknown falls back to zh-CN.
 */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return defaultLanguage;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return defaultLanguage;
}

/** The language a request asked for (its Accept-Language), for messages written for its reader. */
export function requestLanguage(request: { headers: { 'accept-language'?: string | undefined } }): Language {
  return negotiateLanguage(request.headers['accept-language']);
}
