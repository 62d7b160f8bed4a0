import { createHash, randomBytes } from 'node:crypto';

/** A fresh random session token (256 bits) for the cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored: a stolen database does not yield usable session cookies. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
