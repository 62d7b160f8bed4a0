import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { policyEndorsements } from './schema.ts';

/** The premium of a policy now: its order's, plus what its changes of dates added or gave back. */
export async function currentPremiumFen(db: DbOrTx, policy: { id: string }, orderPremiumFen: number): Promise<number> {
  const [changes] = await db
    .select({ fen: sql<string>`coalesce(sum(${policyEndorsements.premiumDifferenceFen}), 0)` })
    .from(policyEndorsements)
    .where(eq(policyEndorsements.policyId, policy.id));
  return orderPremiumFen + Number(changes?.fen ?? 0);
}
