import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { disclosures } from './schema.ts';

/**
 * When a customer's number changes, the disclosures recorded under the old number's key (the SMS
 * codes sent to it, before and after registration) are moved to the customer's id, so "who received
 * my data" (R-SHR-2) still lists them once the old number no longer leads to the account. Only the
 * key changes: what was disclosed, to whom and when stay as recorded.
 */
export async function attachPhoneDisclosures(tx: DbOrTx, phoneSubjectKey: string, customerId: string): Promise<number> {
  const moved = await tx.update(disclosures).set({ subjectKey: customerId }).where(eq(disclosures.subjectKey, phoneSubjectKey)).returning({ id: disclosures.id });
  return moved.length;
}
