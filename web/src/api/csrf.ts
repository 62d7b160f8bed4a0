/** The double-submit CSRF token: the server sets it as a readable cookie and wants it back in a header. */
export const CSRF_COOKIE = 'bt_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** The bt_csrf value out of a document.cookie string, or undefined when the server has not issued one yet. */
export function csrfTokenFrom(cookieString: string): string | undefined {
  for (const part of cookieString.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== CSRF_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/** Methods that change state and therefore must carry the token. */
export function needsCsrfToken(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/** The session endpoint that issues the cookie for an API path: the console's for console calls, the site's otherwise. */
export function sessionPathFor(apiPath: string): string {
  return apiPath.startsWith('/api/console/') ? '/api/console/session' : '/api/site/session';
}
