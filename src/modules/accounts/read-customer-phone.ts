import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { customers } from './schema.ts';

/**
 * The mobile number of an active customer, for a process that contacts them (a marketing SMS sent
 * with their consent). The context's purpose must be declared for the number; null when the account
 * is closed or anonymised, so nobody is contacted after leaving.
 */
export async function readActiveCustomerPhone(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, customerId: string): Promise<string | null> {
  const [customer] = await deps.db.select({ status: customers.status, phoneEnc: customers.phoneEnc }).from(customers).where(eq(customers.id, customerId));
  if (!customer || customer.status !== 'active' || customer.phoneEnc === null) return null;
  return readPersonalField(ctx, deps, { table: 'customers', column: 'phone_enc', rowId: customerId }, customer.phoneEnc);
}

/** Whether the customer's account is active (in-app messages go only to accounts that still exist). */
export async function isActiveCustomer(db: DbOrTx, customerId: string): Promise<boolean> {
  const [customer] = await db.select({ status: customers.status }).from(customers).where(eq(customers.id, customerId));
  return customer?.status === 'active';
}
