/**
 * Query keys of the identity data. Everything about the signed-in customer sits under "account" and
 * everything about the staff member under "console", so a sign-in or sign-out can drop it in one go.
 */
export const queryKeys = {
  siteSession: ['site', 'session'],
  account: ['account'],
  accountOverview: ['account', 'overview'],
  accountSessions: ['account', 'sessions'],
  consoleSession: ['console', 'session'],
  staffList: ['console', 'staff'],
} as const;
