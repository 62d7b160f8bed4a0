import { and, eq, exists, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { customerAges, guardianConsents, type AgeGroup } from './schema.ts';

/**
 * Where an account stands on age (R-MIN-1): `unknown` until the holder says (accounts from before
 * the question, or a registration that stopped at it), `at_least_14`, or a child — with a guardian's
 * consent in force, or still waiting for it.
 */
export type AgeStanding = 'unknown' | 'at_least_14' | 'child_with_guardian' | 'child_awaiting_guardian';

/**
 * One query (it runs for every state-changing request of a customer, in the guardian guard, and for
 * every session answer): the band and whether a guardian's consent is in force, read together.
 */
export async function ageStandingOf(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, customerId: string): Promise<AgeStanding> {
  const consentInForce = deps.db
    .select({ id: guardianConsents.id })
    .from(guardianConsents)
    .where(and(eq(guardianConsents.customerId, customerAges.customerId), isNull(guardianConsents.withdrawnAt)));
  const [age] = await deps.db
    .select({ ageGroupEnc: customerAges.ageGroupEnc, hasGuardian: exists(consentInForce).mapWith(Boolean) })
    .from(customerAges)
    .where(eq(customerAges.customerId, customerId));
  if (!age) return 'unknown';
  const group = (await readPersonalField(ctx, deps, { table: 'customer_ages', column: 'age_group_enc', rowId: customerId }, age.ageGroupEnc)) as AgeGroup;
  if (group === 'at_least_14') return 'at_least_14';
  return age.hasGuardian ? 'child_with_guardian' : 'child_awaiting_guardian';
}
