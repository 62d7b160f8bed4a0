import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { requireCurrentTerms } from '../../privacy/notices/require-current-terms.ts';
import { assessPassword } from '../../shared/password-strength.ts';
import { hashPassword } from './passwords.ts';
import { readOwnAccount } from './read-own-account.ts';
import { customers } from './schema.ts';

/** Sets or changes the optional password of the signed-in customer (R-ACC-3). */
export async function setCustomerPassword(ctx: Ctx, input: { password: string }, deps: { db: Db; keyring: Keyring }): Promise<void> {
  const { customer, phone } = await readOwnAccount(ctx, deps);
  // A first password starts something new (a second way in), which waits until the person has accepted
  // a material update of the terms (R-UPD-2); changing an existing one keeps the account safe and stays allowed.
  if (customer.passwordHash === null) await requireCurrentTerms(ctx, deps.db);
  const customerId = customer.id;
  const strength = assessPassword(input.password, [phone.replace(/^\+86/, '')]);
  if (!strength.isAcceptable) throw new AppError('password_weak', 'Password refused as weak', { details: { advice: strength.advice } });
  await deps.db.update(customers).set({ passwordHash: await hashPassword(input.password), passwordSetAt: sql`now()` }).where(eq(customers.id, customerId));
}
