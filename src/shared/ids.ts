import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case: no i, l, o, u

/**
 * Prefixed, time-ordered identifiers (`pol_01jd…`, `clm_…`): a log line or URL says what it points at,
 * and ids sort by creation time, which keeps B-tree inserts local. 10 time characters (milliseconds)
 * and 16 random ones (80 bits) — collisions need ~2^40 ids in one millisecond.
 */
export function newId(prefix: string, now = Date.now()): string {
  let time = '';
  let remaining = now;
  for (let i = 0; i < 10; i += 1) {
    time = ALPHABET[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  const random = randomBytes(16);
  let tail = '';
  for (const byte of random) tail += ALPHABET[byte % 32];
  return `${prefix}_${time}${tail}`;
}

export function hasPrefix(id: string, prefix: string): boolean {
  return id.startsWith(`${prefix}_`) && /^[a-z]+_[0-9a-hjkmnp-tv-z]{26}$/.test(id);
}
