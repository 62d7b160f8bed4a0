import type { Recipient } from '../api/types';
import { daysBetween } from '../shared/beijingTime';

/** Agreements ending within this many days are flagged, so they can be renewed before data stops flowing. */
export const EXPIRY_WARNING_DAYS = 30;

export type AgreementState =
  | { kind: 'missing' }
  | { kind: 'not_yet'; from: string }
  | { kind: 'expired'; on: string }
  | { kind: 'expiring'; on: string; days: number }
  | { kind: 'in_force'; until: string | null };

/**
 * Whether the confidentiality / data-processing agreement is in force on `today` (YYYY-MM-DD), by the
 * same rule the server applies before any disclosure (src/privacy/disclosures/disclose.ts): a reference
 * and a signing date not in the future, and no expiry date in the past.
 */
export function agreementState(recipient: Pick<Recipient, 'agreementReference' | 'agreementSignedOn' | 'agreementExpiresOn'>, today: string): AgreementState {
  const { agreementReference: reference, agreementSignedOn: signedOn, agreementExpiresOn: expiresOn } = recipient;
  if (!reference || !signedOn) return { kind: 'missing' };
  if (signedOn > today) return { kind: 'not_yet', from: signedOn };
  if (expiresOn && expiresOn < today) return { kind: 'expired', on: expiresOn };
  if (expiresOn) {
    const days = daysBetween(today, expiresOn);
    if (days <= EXPIRY_WARNING_DAYS) return { kind: 'expiring', on: expiresOn, days };
  }
  return { kind: 'in_force', until: expiresOn };
}

/** Only an active recipient with an agreement in force receives anything. */
export function receivesData(recipient: Pick<Recipient, 'status' | 'agreementReference' | 'agreementSignedOn' | 'agreementExpiresOn'>, today: string): boolean {
  const { kind } = agreementState(recipient, today);
  return recipient.status === 'active' && (kind === 'in_force' || kind === 'expiring');
}
