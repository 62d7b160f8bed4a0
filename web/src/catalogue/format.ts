import type { Language } from '../i18n/language';
import { daysBetween } from '../shared/beijingTime';

/** One of the shared vocabulary's bilingual names, in the page's language. */
export function pick(text: { zh: string; en: string }, language: Language): string {
  return language === 'en' ? text.en : text.zh;
}

/** The zh/en pair of a record's fields (`nameZh`/`nameEn` → name in the page's language). */
export function localised<K extends string>(record: { [P in `${K}Zh` | `${K}En`]: string }, key: K, language: Language): string {
  return language === 'en' ? record[`${key}En`] : record[`${key}Zh`];
}

/** A premium: yuan with two decimals (¥1,234.50). Amounts arrive in integer fen. */
export { formatFen as formatPrice } from '../../../src/shared/catalogue/terms.ts';

/** A sum insured as people read it: 30 万元 / 2,000 元 in Chinese, ¥300,000 in English. */
export function formatSumInsured(fen: number, language: Language): string {
  const yuan = Math.round(fen / 100);
  if (language === 'en') return `¥${yuan.toLocaleString('en-US')}`;
  if (yuan >= 10_000 && yuan % 10_000 === 0) return `${(yuan / 10_000).toLocaleString('zh-CN')} 万元`;
  return `${yuan.toLocaleString('zh-CN')} 元`;
}

/** Days of a trip from its dates, both included; null unless both are dates and in order. */
export function tripDays(start: string, end: string): number | null {
  const days = daysBetween(start, end);
  return Number.isNaN(days) || days < 0 ? null : days + 1;
}
