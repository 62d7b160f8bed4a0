import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { maskMobile } from './phone.ts';
import { customers } from './schema.ts';

export interface AccountOverview {
  customerId: string;
  phoneMasked: string;
  hasPassword: boolean;
  passwordSetAt: Date | null;
  createdAt: Date;
}

/** The signed-in customer's account security overview; the phone is shown masked even to its owner. */
export async function getAccountOverview(ctx: Ctx, deps: { db: Db; keyring: Keyring }): Promise<AccountOverview> {
  if (ctx.actor.type !== 'customer') throw new AppError('unauthorized', 'Customer session required');
  const customerId = ctx.actor.id;
  const [customer] = await deps.db.select().from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new AppError('unauthorized', 'Customer of the session no longer exists');
  const phone = await readPersonalField(ctx, deps, { table: 'customers', column: 'phone_enc', rowId: customerId }, customer.phoneEnc);
  return { customerId, phoneMasked: maskMobile(phone), hasPassword: customer.passwordHash !== null, passwordSetAt: customer.passwordSetAt, createdAt: customer.createdAt };
}
