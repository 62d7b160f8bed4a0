import { eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/types.ts';
import { policies, policyEndorsements } from './schema.ts';

/**
 * What the changes of dates of the policy `policyId` (a column of the enclosing query, or an id)
 * added to its order's premium or gave back, as part of a query: a policy read with its premium as
 * it stands is one statement.
 */
export function premiumChangesFen(policyId: AnyPgColumn | string): SQL<number> {
  return sql`(select coalesce(sum(${policyEndorsements.premiumDifferenceFen}), 0) from ${policyEndorsements} where ${policyEndorsements.policyId} = ${policyId})`.mapWith(Number);
}

/** The premium of a policy now: its order's, plus what its changes of dates added or gave back. */
export async function currentPremiumFen(db: DbOrTx, policy: { id: string }, orderPremiumFen: number): Promise<number> {
  const [changes] = await db.select({ fen: premiumChangesFen(policy.id) }).from(policies).where(eq(policies.id, policy.id));
  return orderPremiumFen + (changes?.fen ?? 0);
}
