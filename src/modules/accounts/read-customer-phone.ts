import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { customers } from './schema.ts';

/** A customer's record while the account is active: only then does it still hold the number. */
export type ActiveCustomer = typeof customers.$inferSelect & { status: 'active'; phoneEnc: string };

/** The customer's record, or null once the account is closed or anonymised (or never existed). */
export async function findActiveCustomer(db: DbOrTx, customerId: string): Promise<ActiveCustomer | null> {
  const [customer] = await db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer || customer.status !== 'active' || customer.phoneEnc === null) return null;
  return { ...customer, status: 'active', phoneEnc: customer.phoneEnc };
}

/** The number of an active customer, decrypted for the context's purpose (which the catalogue must declare for it). */
export function decryptCustomerPhone(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, customer: ActiveCustomer): Promise<string> {
  return readPersonalField(ctx, deps, { table: 'customers', column: 'phone_enc', rowId: customer.id }, customer.phoneEnc);
}

/**
 * The mobile number of an active customer, for a process that contacts them (a marketing SMS sent
 * with their consent). The context's purpose must be declared for the number; null when the account
 * is closed or anonymised, so nobody is contacted after leaving.
 */
export async function readActiveCustomerPhone(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }, customerId: string): Promise<string | null> {
  const customer = await findActiveCustomer(deps.db, customerId);
  return customer ? decryptCustomerPhone(ctx, deps, customer) : null;
}

/** Whether the customer's account is active (in-app messages go only to accounts that still exist). */
export async function isActiveCustomer(db: DbOrTx, customerId: string): Promise<boolean> {
  const [customer] = await db.select({ status: customers.status }).from(customers).where(eq(customers.id, customerId));
  return customer?.status === 'active';
}
