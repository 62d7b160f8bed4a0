import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { assessPassword } from '../../shared/password-strength.ts';
import { hashPassword } from './passwords.ts';
import { customers } from './schema.ts';

/** Sets or changes the optional password of the signed-in customer (R-ACC-3). */
export async function setCustomerPassword(ctx: Ctx, input: { password: string }, deps: { db: Db; keyring: Keyring }): Promise<void> {
  if (ctx.actor.type !== 'customer') throw new AppError('unauthorized', 'Only a signed-in customer has a password');
  const customerId = ctx.actor.id;
  const [customer] = await deps.db.select({ phoneEnc: customers.phoneEnc }).from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new AppError('unauthorized', 'Customer of the session no longer exists');
  const phone = await readPersonalField(ctx, deps, { table: 'customers', column: 'phone_enc', rowId: customerId }, customer.phoneEnc);
  const strength = assessPassword(input.password, [phone.replace(/^\+86/, '')]);
  if (!strength.isAcceptable) throw new AppError('password_weak', 'Password refused as weak', { details: { advice: strength.advice } });
  await deps.db.update(customers).set({ passwordHash: await hashPassword(input.password), passwordSetAt: sql`now()` }).where(eq(customers.id, customerId));
}
