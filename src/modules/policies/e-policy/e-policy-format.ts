import { formatFen } from '../../../shared/catalogue/terms.ts';

/** ¥300,000.00: the same digits in both languages, so one cell serves the bilingual table. */
export function yuan(fen: number): string {
  return formatFen(fen, 'en');
}

/** CNY 300,000.00: what a consulate reading an English certificate expects. */
export function cny(fen: number): string {
  return `CNY ${formatFen(fen, 'en').slice(1)}`;
}

/** 2025-06-20 14:05 in Beijing time, whatever zone the server runs in. */
export function beijingDateTime(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** 1 July 2025 from 2025-07-01: a day month year order no reader can misread. */
export function englishDate(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${day}T00:00:00Z`));
}

/** Days of cover, both ends included. */
export function coverDays(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

export function coverPeriod(start: string, end: string): { zh: string; en: string } {
  const days = coverDays(start, end);
  return {
    zh: `自 ${start} 00:00 起至 ${end} 24:00 止（北京时间），共 ${days} 天`,
    en: `From 00:00 on ${start} to 24:00 on ${end} (Beijing time), ${days} ${days === 1 ? 'day' : 'days'}`,
  };
}
