import type { DbOrTx } from '../../db/types.ts';
import type { Actor } from '../../privacy/access/context.ts';
import { hasConsent } from '../../privacy/consent/record-consent.ts';

/**
 * Which recommendations a person gets (PIPL art. 24, R-USE-2): based on their own records only with
 * their personalised_recommendations consent in force; otherwise — and for everyone not signed in —
 * the same general list for all. The general list is always available, and is the default.
 */
export async function recommendationMode(db: DbOrTx, actor: Actor): Promise<'personalised' | 'general'> {
  if (actor.type !== 'customer') return 'general';
  return (await hasConsent(db, actor.id, { purpose: 'personalised_recommendations' })) ? 'personalised' : 'general';
}
