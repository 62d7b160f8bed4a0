import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { decryptCustomerPhone, findActiveCustomer, type ActiveCustomer } from './read-customer-phone.ts';

/**
 * The signed-in customer's own record. A session of an account that was closed or anonymised since
 * is no longer a customer's.
 */
async function ownActiveCustomer(ctx: Ctx, db: DbOrTx): Promise<ActiveCustomer> {
  if (ctx.actor.type !== 'customer') throw new AppError('unauthorized', 'Customer session required');
  const customer = await findActiveCustomer(db, ctx.actor.id);
  if (!customer) throw new AppError('unauthorized', 'Customer of the session is no longer active');
  return customer;
}

/** The signed-in customer's own record with the phone decrypted for the context's purpose. */
export async function readOwnAccount(ctx: Ctx, deps: { db: DbOrTx; keyring: Keyring }): Promise<{ customer: ActiveCustomer; phone: string }> {
  const customer = await ownActiveCustomer(ctx, deps.db);
  return { customer, phone: await decryptCustomerPhone(ctx, deps, customer) };
}

/** The id of the signed-in customer, refused as readOwnAccount refuses, without decrypting the phone. */
export async function activeCustomerId(ctx: Ctx, db: DbOrTx): Promise<string> {
  return (await ownActiveCustomer(ctx, db)).id;
}
