import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  parseLanguageCookie,
  serializeLanguageCookie,
  SUPPORTED_LANGUAGES,
  type Language,
} from './language';
import { isCookieCategoryAllowed } from '../privacy/cookies/cookieChoice';
import { resources } from './resources';

export const i18n = i18next.createInstance();

// Only an explicit earlier choice (the bt_lang cookie) overrides the default; browser language is
// deliberately not sniffed, so the site is zh-CN until a person asks for English.
const initialLanguage: Language = parseLanguageCookie(document.cookie) ?? DEFAULT_LANGUAGE;

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: SUPPORTED_LANGUAGES,
  load: 'currentOnly',
  // Resources are bundled, so initialisation can finish before the first render.
  initAsync: false,
  interpolation: { escapeValue: false }, // React already escapes rendered strings.
  react: { useSuspense: false },
});

function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

syncDocumentLanguage(initialLanguage);
i18n.on('languageChanged', syncDocumentLanguage);

export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/**
 * Switches language at the user's request and remembers that choice in the bt_lang cookie: for a
 * year with consent to preference cookies, else for this browser session only (R-USE-3).
 */
export async function changeLanguage(language: Language): Promise<void> {
  document.cookie = serializeLanguageCookie(language, window.location.protocol === 'https:', isCookieCategoryAllowed('preferences'));
  await i18n.changeLanguage(language);
}
