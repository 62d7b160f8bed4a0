import type { Config } from '../../config/load-config.ts';

/** What the text of a document is filled with when shown: the operator as configured (R-PLAT-2). */
export interface RenderSettings {
  operator: Config['operator'];
  publicUrl: string;
}

export type DocumentLanguage = 'zh' | 'en';

const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.]*)\s*\}\}/g;

/**
 * Values of every placeholder a document may use, for one language and one version. The operator's
 * details come from configuration, so one published text serves every installation and a changed
 * hotline shows everywhere at once. Optional details that are not configured read as "not filed".
 */
export function placeholderValues(settings: RenderSettings, language: DocumentLanguage, dates: { effectiveAt: Date | null; publishedAt: Date | null; version: number }): Record<string, string> {
  const { operator } = settings;
  const unset = language === 'zh' ? '（未配置）' : '(not configured)';
  const pending = language === 'zh' ? '（生效日期待定）' : '(date to be set)';
  return {
    'operator.company': operator.companyName,
    'operator.address': operator.address,
    'operator.hotline': operator.hotline,
    'operator.privacyContact': operator.piContact.name,
    'operator.privacyEmail': operator.piContact.email,
    'operator.privacyPhone': operator.piContact.phone,
    'operator.icpNumber': operator.icpNumber ?? unset,
    'operator.licenceNumber': operator.licenceNumber ?? unset,
    'site.url': settings.publicUrl,
    effectiveDate: dates.effectiveAt ? formatDocumentDate(dates.effectiveAt, language) : pending,
    publishedDate: dates.publishedAt ? formatDocumentDate(dates.publishedAt, language) : pending,
    version: String(dates.version),
  };
}

/** Names a template uses that no value exists for: publishing refuses them rather than show `{{…}}`. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set(Object.keys(placeholderValues({ operator: sampleOperator, publicUrl: '' }, 'zh', { effectiveAt: null, publishedAt: null, version: 1 })));
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string))].filter((name) => !known.has(name));
}

/** Fills the placeholders of a template; an unknown one stays as written (publishing refuses those). */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** A date as the documents print it, in Beijing time: 2026年6月1日 / 1 June 2026. */
export function formatDocumentDate(at: Date, language: DocumentLanguage): string {
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(at);
}

const sampleOperator: Config['operator'] = { companyName: '', address: '', hotline: '', icpNumber: null, licenceNumber: null, piContact: { name: '', email: '', phone: '' } };
