import { eq } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { customers } from './schema.ts';

/**
 * The signed-in customer's own record with the phone decrypted for the context's purpose. A session
 * of an account that was closed or anonymised since is no longer a customer's.
 */
export async function readOwnAccount(ctx: Ctx, deps: { db: Db; keyring: Keyring }): Promise<{ customer: typeof customers.$inferSelect; phone: string }> {
  if (ctx.actor.type !== 'customer') throw new AppError('unauthorized', 'Customer session required');
  const customerId = ctx.actor.id;
  const [customer] = await deps.db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer || customer.status !== 'active' || customer.phoneEnc === null) throw new AppError('unauthorized', 'Customer of the session is no longer active');
  const phone = await readPersonalField(ctx, deps, { table: 'customers', column: 'phone_enc', rowId: customerId }, customer.phoneEnc);
  return { customer, phone };
}
