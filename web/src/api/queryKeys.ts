/**
 * Query keys of the identity data. Everything about the signed-in customer sits under "account" and
 * everything about the staff member under "console", so a sign-in or sign-out can drop it in one go.
 */
export const queryKeys = {
  siteSession: ['site', 'session'],
  account: ['account'],
  accountOverview: ['account', 'overview'],
  accountSessions: ['account', 'sessions'],
  accountDisclosures: ['account', 'disclosures'],
  accountConsents: ['account', 'consents'],
  accountMessages: ['account', 'messages'],
  accountAge: ['account', 'age'],
  console: ['console'],
  consoleSession: ['console', 'session'],
  staffList: ['console', 'staff'],
  dataMap: ['console', 'data-map'],
  recipients: ['console', 'recipients'],
  alerts: ['console', 'alerts'],
  campaigns: ['console', 'campaigns'],
  alertList: (open: boolean) => ['console', 'alerts', open ? 'open' : 'all'] as const,
  retention: ['console', 'retention'],
  retentionSchedule: ['console', 'retention', 'schedule'],
  legalHolds: (includeReleased: boolean) => ['console', 'retention', 'holds', includeReleased ? 'all' : 'in-force'] as const,
  retentionSweep: (taskId: string) => ['console', 'retention', 'sweep', taskId] as const,
} as const;

/**
 * Keys of console actions. They exist so that a 401 answer to one of them rechecks the staff session
 * (see queryClient.ts), as a 401 to a console query does.
 */
export const consoleMutationKey = (action: string) => ['console', 'action', action] as const;
