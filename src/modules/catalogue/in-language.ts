import type { Language } from '../../errors/error-codes.ts';

/** Picks a catalogue check's words in the staff member's language (English where none is given: logs, imports). */
export type Say = (zh: string, en: string) => string;

export const sayIn =
  (language: Language): Say =>
  (zh, en) =>
    language === 'en' ? en : zh;
