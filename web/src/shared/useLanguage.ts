import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../i18n/language';

export function useLanguage(): { language: Language; setLanguage: (language: Language) => Promise<void> } {
  // useTranslation subscribes to languageChanged, so callers re-render on a switch.
  const { i18n } = useTranslation();
  const resolved = i18n.resolvedLanguage ?? i18n.language;
  const language = isLanguage(resolved) ? resolved : DEFAULT_LANGUAGE;
  const setLanguage = useCallback((next: Language) => changeLanguage(next), []);
  return { language, setLanguage };
}
