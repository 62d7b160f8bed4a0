import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import { encryptField } from '../../privacy/crypto/field-cipher.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { ageOn, todayInBeijing } from '../../shared/identity-documents.ts';
import { customerAges, type AgeGroup } from './schema.ts';

export const CHILD_AGE_LIMIT = 14;

/** The age band of a birth date today (Beijing date): under 14 is a child under PIPL art. 28/31. */
export function ageGroupOf(birthDate: string, today: string = todayInBeijing()): AgeGroup {
  return ageOn(birthDate, today) < CHILD_AGE_LIMIT ? 'under_14' : 'at_least_14';
}

/**
 * Stores (or replaces) the account holder's age band — only the band, encrypted — and audits it.
 * A band learnt from an ID number or birth date replaces a declared one: a child who declared 14+
 * and then enters a child's ID number is a child.
 */
export async function recordAgeGroup(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, customerId: string, group: AgeGroup, source: 'declared' | 'id_number' | 'birth_date'): Promise<void> {
  const ageGroupEnc = encryptField(deps.keyring, { table: 'customer_ages', column: 'age_group_enc', rowId: customerId }, group);
  await deps.db
    .insert(customerAges)
    .values({ customerId, ageGroupEnc, source })
    .onConflictDoUpdate({ target: customerAges.customerId, set: { ageGroupEnc, source, decidedAt: sql`now()` } });
  await recordAudit(deps.db, ctx, { action: 'update', subjectId: customerId, record: `customer_ages/${customerId}`, fields: ['age_group', `source:${source}`] });
}
