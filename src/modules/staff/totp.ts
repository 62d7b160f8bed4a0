import { generateSecret, generateURI, verifySync } from 'otplib';

const ISSUER = 'Besttrav';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(username: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: username, secret });
}

/**
 * Accepts the current code or the one before/after (clock drift of a phone), never a code of a time
 * step at or before `lastStep`, so a code seen over someone's shoulder cannot be replayed.
 * Returns the accepted time step, or null.
 */
export function acceptTotp(secret: string, code: string, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({ secret, token: code, epochTolerance: 30, ...(lastStep === null ? {} : { afterTimeStep: lastStep }) });
  return result.valid && 'timeStep' in result ? (result.timeStep as number) : null;
}
