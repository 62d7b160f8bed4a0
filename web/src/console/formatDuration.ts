import type { Language } from '../i18n/language';

const UNITS = [
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
  { unit: 'second', seconds: 1 },
] as const;

// Chinese "long" gives 秒钟; the short forms (天/小时/分钟/秒) are what people write.
const DISPLAY: Record<Language, 'long' | 'short'> = { 'zh-CN': 'short', en: 'long' };

/**
 * "2 days, 3 hours" / "2天 3小时". Intl handles unit names and plurals, which keeps plural
 * forms out of the resource files; two units are enough precision for an uptime.
 */
export function formatDuration(totalSeconds: number, language: Language): string {
  let remaining = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const { unit, seconds } of UNITS) {
    const value = Math.floor(remaining / seconds);
    remaining -= value * seconds;
    if (value > 0 || (parts.length === 0 && unit === 'second')) {
      parts.push(new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: DISPLAY[language] }).format(value));
    }
    if (parts.length === 2) break;
  }
  return parts.join(language === 'en' ? ', ' : ' ');
}
