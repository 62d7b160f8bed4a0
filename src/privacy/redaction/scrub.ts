import { isPiKey, piTextPatterns } from './pi-patterns.ts';

export const REDACTED = '[redacted]';
const mayHoldPi = /[\d@]/;
const MAX_DEPTH = 8;

/** Replaces every PI-shaped run in a string with a label such as `[phone]`. */
export function scrubText(text: string): string {
  // Every PI shape has a digit or an '@': most log text has neither and is returned at once.
  if (!mayHoldPi.test(text)) return text;
  let scrubbed = text;
  for (const { label, pattern } of piTextPatterns) scrubbed = scrubbed.replace(pattern, `[${label}]`);
  return scrubbed;
}

/**
 * Returns a deep copy of `value` fit for a log line: values under PI keys are replaced wholesale,
 * PI shapes inside other strings are scrubbed. Cycles and very deep objects are cut, not followed.
 */
export function scrubValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH || seen.has(value)) return '[cut]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen));
  if (value instanceof Date) return value;
  if (value instanceof Error) return scrubError(value, depth, seen);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isPiKey(key) && item !== null && item !== undefined ? REDACTED : scrubValue(item, depth + 1, seen);
  }
  return copy;
}

function scrubError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const copy: Record<string, unknown> = { type: error.name, message: scrubText(error.message) };
  if (error.stack) copy.stack = scrubText(error.stack);
  for (const [key, item] of Object.entries(error)) {
    copy[key] = isPiKey(key) ? REDACTED : scrubValue(item, depth + 1, seen);
  }
  if (error.cause !== undefined) copy.cause = scrubValue(error.cause, depth + 1, seen);
  return copy;
}

// Page addresses that carry a secret (a marketing message's unsubscribe token) keep their shape only.
const secretInPath = /^((?:\/api\/site)?\/(?:unsubscribe|verify)\/)[^/?#]+/;

/** Keeps a URL's path (scrubbed, secrets cut) and query parameter names, never their values. */
export function scrubUrl(url: string): string {
  const queryStart = url.indexOf('?');
  const path = scrubText(queryStart === -1 ? url : url.slice(0, queryStart)).replace(secretInPath, '$1[token]');
  if (queryStart === -1) return path;
  const names = new URLSearchParams(url.slice(queryStart + 1)).keys();
  const query = [...new Set(names)].map((name) => `${encodeURIComponent(scrubText(name))}=${REDACTED}`).join('&');
  return `${path}?${query}`;
}
