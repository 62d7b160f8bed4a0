import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Keyring } from './keyring.ts';

/**
 * Keyed hash of a normalised value, for equality lookups on encrypted columns without decrypting.
 * The kind separates domains: the same digits as a phone and as an ID number index differently.
 * Callers normalise first (E.164 phones, upper-case X in ID numbers, lower-case e-mail).
 */
export function blindIndex(keyring: Keyring, kind: string, normalisedValue: string): string {
  return createHmac('sha256', keyring.blindIndexKey).update(`${kind}\u0000${normalisedValue}`).digest('base64url');
}

/** HMAC of a short secret (an SMS code): a dump of the table does not let anyone try all codes. */
export function hashSecret(keyring: Keyring, context: string, secret: string): string {
  return createHmac('sha256', keyring.secretHashKey).update(`${context}\u0000${secret}`).digest('base64url');
}

export function secretMatches(keyring: Keyring, context: string, secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(keyring, context, secret));
  const expected = Buffer.from(expectedHash);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
