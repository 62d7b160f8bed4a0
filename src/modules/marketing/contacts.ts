import type { DbOrTx } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { readProfileValues } from '../accounts/profile/profile-record.ts';
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

/** The platform's own records: the account's mobile number, and the e-mail address of the 个人信息 page. */
export function accountContacts(deps: { db: DbOrTx; keyring: Keyring }): ContactLookup {
  return {
    // Stored as E.164 (+8613800138000), as the SMS providers take it.
    phoneOf: (ctx, customerId) => readActiveCustomerPhone(ctx, deps, customerId),
    emailOf: async (ctx, customerId) => {
      if (!(await isActiveCustomer(deps.db, customerId))) return null;
      return (await readProfileValues(ctx, deps, customerId, ['email'])).values.email;
    },
    isActive: (customerId) => isActiveCustomer(deps.db, customerId),
  };
}
