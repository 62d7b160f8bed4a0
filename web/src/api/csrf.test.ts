import { describe, expect, it } from 'vitest';
import { csrfTokenFrom, needsCsrfToken, sessionPathFor } from './csrf';

describe('CSRF token', () => {
  it('reads bt_csrf among other cookies', () => {
    expect(csrfTokenFrom('bt_lang=en; bt_csrf=abc_DEF-123; x=1')).toBe('abc_DEF-123');
    expect(csrfTokenFrom('bt_csrf=only')).toBe('only');
  });

  it('treats a missing or empty cookie as no token', () => {
    expect(csrfTokenFrom('')).toBeUndefined();
    expect(csrfTokenFrom('xbt_csrf=abc; bt_lang=en')).toBeUndefined();
    expect(csrfTokenFrom('bt_csrf=')).toBeUndefined();
  });

  it('is sent with every state-changing method, never with reads', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].every(needsCsrfToken)).toBe(true);
    expect(needsCsrfToken('GET')).toBe(false);
  });

  it('asks the console for a token on console calls and the site otherwise', () => {
    expect(sessionPathFor('/api/console/staff')).toBe('/api/console/session');
    expect(sessionPathFor('/api/site/auth/code')).toBe('/api/site/session');
  });
});
