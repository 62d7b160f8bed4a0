/** How long sessions live, by kind (issue: identity and access; R-ACC-5, R-SEC-8). */
export const sessionPolicy = {
  // Customers: 30 days from the last visit, never more than a year after sign-in.
  customer: { slidingSeconds: 30 * 24 * 3600, absoluteSeconds: 365 * 24 * 3600 },
  // Guests: long enough to finish a purchase and come back for the policy.
  guest: { slidingSeconds: 7 * 24 * 3600, absoluteSeconds: 30 * 24 * 3600 },
  // Staff: 15 minutes idle, 8 hours at most.
  staff: { slidingSeconds: 15 * 60, absoluteSeconds: 8 * 3600 },
} as const;

export type SessionKind = keyof typeof sessionPolicy;

/** Refresh last-seen (and the sliding expiry) at most this often, not on every request. */
export function touchIntervalSeconds(kind: SessionKind): number {
  return kind === 'staff' ? 30 : 300;
}
