import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { isActiveCustomer, readActiveCustomerPhone } from '../accounts/read-customer-phone.ts';

/**
 * Where a campaign reaches a person, read only at the moment of sending and for the purpose
 * `marketing` (which the catalogue must declare for the column). Null: no address, nothing is sent.
 */
export interface ContactLookup {
  phoneOf(ctx: Ctx, customerId: string): Promise<string | null>;
  emailOf(ctx: Ctx, customerId: string): Promise<string | null>;
  isActive(customerId: string): Promise<boolean>;
}

/**
 * The platform's own records: the account's mobile number. Customers have no e-mail address on file
 * yet (the 个人信息 page adds one), so e-mail campaigns find no address until then.
 */
export function accountContacts(deps: { db: DbOrTx; keyring: Keyring }): ContactLookup {
  return {
    // Stored as E.164 (+8613800138000), as the SMS providers take it.
    phoneOf: (ctx, customerId) => readActiveCustomerPhone(ctx, deps, customerId),
    emailOf: async () => null,
    isActive: (customerId) => isActiveCustomer(deps.db, customerId),
  };
}
