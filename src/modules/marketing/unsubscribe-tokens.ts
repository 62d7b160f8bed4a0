import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../db/types.ts';
import type { MarketingPurpose } from '../../shared/marketing.ts';
import { unsubscribeTokens } from './schema.ts';

/** How long an unsubscribe link works: as long as the delivery record it belongs to is kept. */
export const UNSUBSCRIBE_LINK_DAYS = 365;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashUnsubscribeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isUnsubscribeTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/**
 * A new one-click unsubscribe link for one message: 256 random bits, nothing derived from the person,
 * so it can neither be guessed nor read as someone's id or number; only its hash is stored.
 */
export async function issueUnsubscribeToken(db: DbOrTx, input: { customerId: string; purpose: MarketingPurpose; deliveryId: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const createdAt = new Date();
  await db.insert(unsubscribeTokens).values({
    tokenHash: hashUnsubscribeToken(token),
    customerId: input.customerId,
    purpose: input.purpose,
    deliveryId: input.deliveryId,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000),
  });
  return token;
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/unsubscribe/${token}`;
}
