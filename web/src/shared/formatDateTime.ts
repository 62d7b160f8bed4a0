import type { Language } from '../i18n/language';

// The service and its customers are in mainland China: times are shown in Beijing time whatever the
// device's zone, so a support call and the screen agree.
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

/**
 * "2025-03-01 14:05" in Beijing time; the same unambiguous order in both languages. `seconds` adds
 * them ("14:05:09") where the order of events matters, as in the audit log.
 */
export function formatDateTime(iso: string, language: Language, options: { seconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const parts = new Intl.DateTimeFormat(language, {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}${options.seconds ? `:${part('second')}` : ''}`;
  return `${part('year')}-${part('month')}-${part('day')} ${time}`;
}
