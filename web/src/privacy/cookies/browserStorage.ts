import { allowanceOf, catalogueEntry, type CookieChoice, type StorageKind } from '../../../../src/privacy/consent/cookies/cookie-catalogue.ts';

/** Names (and raw values) of the cookies page scripts can see. */
function visibleCookies(): Array<{ name: string; value: string }> {
  return document.cookie
    .split(';')
    .map((part) => {
      const separator = part.indexOf('=');
      return separator === -1 ? null : { name: part.slice(0, separator).trim(), value: part.slice(separator + 1).trim() };
    })
    .filter((cookie): cookie is { name: string; value: string } => cookie !== null && cookie.name !== '');
}

function isSecurePage(): boolean {
  return window.location.protocol === 'https:';
}

/** Writes a first-party cookie the way the catalogue says: for a number of seconds, or for the browser session. */
export function writeCookie(name: string, value: string, maxAgeSeconds: number | null): void {
  const attributes = [`${name}=${value}`, 'Path=/', 'SameSite=Lax'];
  if (maxAgeSeconds !== null) attributes.push(`Max-Age=${maxAgeSeconds}`);
  if (isSecurePage()) attributes.push('Secure');
  document.cookie = attributes.join('; ');
}

function removeCookie(name: string): void {
  document.cookie = `${name}=; Path=/; Max-Age=0`;
  // A cookie written by a script without Path belongs to the page's directory.
  document.cookie = `${name}=; Max-Age=0`;
}

function storageOf(kind: Exclude<StorageKind, 'cookie'>): Storage | null {
  try {
    return kind === 'localStorage' ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // Storage disabled by the browser: there is nothing to clean.
  }
}

/**
 * Makes the browser hold only what the choice allows (R-USE-3): cookies page scripts can see, and
 * every localStorage and sessionStorage item. Anything not in the catalogue goes; a preference kept
 * only for the session (bt_lang) loses its expiry. With `isNewDecision`, a preference the person has
 * just allowed gets its full lifetime back. The server does the same for httpOnly cookies.
 */
export function applyCookieChoice(choice: CookieChoice, { isNewDecision }: { isNewDecision: boolean }): void {
  for (const { name, value } of visibleCookies()) {
    const allowance = allowanceOf('cookie', name, choice);
    const entry = catalogueEntry('cookie', name);
    if (allowance === 'remove') removeCookie(name);
    else if (allowance === 'session') writeCookie(name, value, null);
    else if (isNewDecision && entry?.withoutConsent === 'session_only' && typeof entry.lifetime === 'number') writeCookie(name, value, entry.lifetime);
  }
  for (const kind of ['localStorage', 'sessionStorage'] as const) {
    const storage = storageOf(kind);
    if (!storage) continue;
    const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter((key): key is string => key !== null);
    for (const key of keys) if (allowanceOf(kind, key, choice) !== 'keep') storage.removeItem(key);
  }
}
