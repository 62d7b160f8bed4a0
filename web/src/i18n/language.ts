// Pure helpers for the language preference, kept free of DOM access so they can be unit-tested in node.

export const SUPPORTED_LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const LANGUAGE_COOKIE = 'bt_lang';
export const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** Reads bt_lang out of a Cookie header / document.cookie string; anything unknown counts as "not chosen". */
export function parseLanguageCookie(cookieString: string): Language | undefined {
  for (const part of cookieString.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() !== LANGUAGE_COOKIE) continue;
    let value = part.slice(separator + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      return undefined;
    }
    return isLanguage(value) ? value : undefined;
  }
  return undefined;
}

/**
 * The Set-Cookie style string for document.cookie, written only when the user switches language.
 * Remembering the language across visits is a preference (see the cookie catalogue): it is kept for
 * a year only with consent to preference cookies (`persistent`), otherwise until the browser closes.
 */
export function serializeLanguageCookie(language: Language, secure: boolean, persistent: boolean): string {
  const attributes = [`${LANGUAGE_COOKIE}=${language}`, 'Path=/', ...(persistent ? [`Max-Age=${ONE_YEAR_SECONDS}`] : []), 'SameSite=Lax'];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** The other language, for the one-button switch. */
export function otherLanguage(language: Language): Language {
  return language === 'zh-CN' ? 'en' : 'zh-CN';
}
