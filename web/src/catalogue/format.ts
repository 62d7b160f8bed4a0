import type { Language } from '../i18n/language';

/** One of the shared vocabulary's bilingual names, in the page's language. */
export function pick(text: { zh: string; en: string }, language: Language): string {
  return language === 'en' ? text.en : text.zh;
}

/** The zh/en pair of a record's fields (`nameZh`/`nameEn` → name in the page's language). */
export function localised<K extends string>(record: { [P in `${K}Zh` | `${K}En`]: string }, key: K, language: Language): string {
  return language === 'en' ? record[`${key}En`] : record[`${key}Zh`];
}

/** A premium: yuan with two decimals (¥1,234.50). Amounts arrive in integer fen. */
export function formatPrice(fen: number, language: Language): string {
  const yuan = (fen / 100).toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `¥${yuan}`;
}

/** A sum insured as people read it: 30 万元 / 2,000 元 in Chinese, ¥300,000 in English. */
export function formatSumInsured(fen: number, language: Language): string {
  const yuan = Math.round(fen / 100);
  if (language === 'en') return `¥${yuan.toLocaleString('en-US')}`;
  if (yuan >= 10_000 && yuan % 10_000 === 0) return `${(yuan / 10_000).toLocaleString('zh-CN')} 万元`;
  return `${yuan.toLocaleString('zh-CN')} 元`;
}

/** Days from one calendar date to another, both included; null unless both are dates and in order. */
export function daysBetween(start: string, end: string): number | null {
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;
  return Math.round((to - from) / 86_400_000) + 1;
}

/** Today in Beijing as YYYY-MM-DD (departure dates are Beijing dates). */
export function beijingToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
