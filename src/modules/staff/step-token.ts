import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Keyring } from '../../privacy/crypto/keyring.ts';

/**
 * The short-lived proof, between the password step and the TOTP step of a staff sign-in, that the
 * password was right. Signed (HMAC) so it holds across processes without server state; 5 minutes.
 */
export interface StepClaims {
  staffId: string;
  step: 'totp' | 'enroll';
  /** Only for enrolment: the new TOTP secret, shown to the person as a QR code anyway. */
  pendingSecret?: string;
  expiresAt: number;
}

const TTL_MS = 5 * 60 * 1000;

export function issueStepToken(keyring: Keyring, claims: Omit<StepClaims, 'expiresAt'>, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...claims, expiresAt: now + TTL_MS })).toString('base64url');
  return `${body}.${sign(keyring, body)}`;
}

export function readStepToken(keyring: Keyring, token: string, now = Date.now()): StepClaims | null {
  const [body, signature] = token.split('.');
  if (!body || !signature) return null;
  const expected = Buffer.from(sign(keyring, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as StepClaims;
  return claims.expiresAt > now ? claims : null;
}

function sign(keyring: Keyring, body: string): string {
  return createHmac('sha256', keyring.secretHashKey).update(`staff-step\u0000${body}`).digest('base64url');
}
