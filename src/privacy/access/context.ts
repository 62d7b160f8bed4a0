import type { StaffRole } from '../../modules/staff/roles.ts';

/** Who is acting. Every use case receives one inside its Ctx; there is no way to act as nobody. */
export type Actor =
  | { type: 'anonymous' }
  | { type: 'guest'; id: string }
  | { type: 'customer'; id: string }
  | { type: 'staff'; id: string; roles: readonly StaffRole[] }
  | { type: 'partner'; id: string }
  | { type: 'system'; job: string };

/** Why personal information is processed (PIPL art. 6: a specified, reasonable purpose). */
export const purposes = [
  'account',
  'purchase',
  'policy_service',
  'claims',
  'customer_service',
  'fraud_prevention',
  'security',
  'marketing',
  'personalization',
  'analytics',
  'legal_obligation',
] as const;
export type Purpose = (typeof purposes)[number];

/**
 * The access context of one operation: who, for what purpose, (for unmasking and other exceptional
 * reads) why, and which request — so the privacy core can check the purpose and audit the access.
 */
export interface Ctx {
  readonly actor: Actor;
  readonly purpose: Purpose;
  readonly reason?: string;
  readonly requestId: string;
  readonly ip: string | null;
}

export function systemCtx(job: string, purpose: Purpose): Ctx {
  return { actor: { type: 'system', job }, purpose, requestId: `job_${job}`, ip: null };
}
