import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { policyEndorsements } from './schema.ts';

/**
 * What the changes of dates of the policy `policyId` (a column of the enclosing query, or an id)
 * added to its order's premium or gave back, as part of a query: a policy read with its premium as
 * it stands is one statement.
 */
export function premiumChangesFen(policyId: AnyPgColumn | string): SQL<number> {
  return sql`(select coalesce(sum(${policyEndorsements.premiumDifferenceFen}), 0) from ${policyEndorsements} where ${policyEndorsements.policyId} = ${policyId})`.mapWith(Number);
}
