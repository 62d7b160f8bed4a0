import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { maskMobile } from './phone.ts';
import { readOwnAccount } from './read-own-account.ts';

export interface AccountOverview {
  customerId: string;
  phoneMasked: string;
  hasPassword: boolean;
  passwordSetAt: Date | null;
  createdAt: Date;
}

/** The signed-in customer's account security overview; the phone is shown masked even to its owner. */
export async function getAccountOverview(ctx: Ctx, deps: { db: Db; keyring: Keyring }): Promise<AccountOverview> {
  const { customer, phone } = await readOwnAccount(ctx, deps);
  return { customerId: customer.id, phoneMasked: maskMobile(phone), hasPassword: customer.passwordHash !== null, passwordSetAt: customer.passwordSetAt, createdAt: customer.createdAt };
}
