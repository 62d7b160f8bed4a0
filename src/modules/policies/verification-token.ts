import { hashSecret } from '../../privacy/crypto/blind-index.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';

const TOKEN_CONTEXT = 'policy-verification-token';
const LOOKUP_CONTEXT = 'policy-verification-lookup';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The secret in an e-policy's verification address (R-POL-9): a keyed HMAC of the policy's random
 * id, so nobody without the key can derive it, it says nothing about the person or the policy
 * number, and the same address is printed every time the PDF is made again (a visa office scanning
 * last month's print must still reach the policy). Only its keyed hash is stored, for the lookup.
 */
export function verificationTokenOf(keyring: Keyring, policyId: string): string {
  return hashSecret(keyring, TOKEN_CONTEXT, policyId);
}

/** What `policies.verification_token_hash` holds for a token: a dump of the table is no list of addresses. */
export function verificationLookupHash(keyring: Keyring, token: string): string {
  return hashSecret(keyring, LOOKUP_CONTEXT, token);
}

export function isVerificationTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The public page the QR code opens. */
export function verificationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/verify/${token}`;
}
