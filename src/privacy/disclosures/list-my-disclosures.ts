import type { Db } from '../../db/types.ts';
import { readOwnAccount } from '../../modules/accounts/read-own-account.ts';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../access/context.ts';
import { blindIndex } from '../crypto/blind-index.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { disclosures, recipients } from './schema.ts';

export interface MyDisclosure {
  at: Date;
  recipientName: string;
  recipientType: string;
  fields: string[];
  purpose: string;
  basis: string;
}

/** "Who received my data" (R-SHR-2): every disclosure about the signed-in customer, newest first. */
export async function listMyDisclosures(ctx: Ctx, deps: { db: Db; keyring: Keyring }): Promise<MyDisclosure[]> {
  const { customer, phone } = await readOwnAccount(ctx, deps);
  const customerId = customer.id;
  // Before registration the number itself was the only key: those disclosures are the person's too.
  const keys = [customerId, `phone:${blindIndex(deps.keyring, 'phone', phone)}`];
  return deps.db
    .select({
      at: disclosures.at,
      recipientName: recipients.name,
      recipientType: recipients.type,
      fields: disclosures.fields,
      purpose: disclosures.purpose,
      basis: disclosures.basis,
    })
    .from(disclosures)
    .innerJoin(recipients, eq(recipients.id, disclosures.recipientId))
    .where(inArray(disclosures.subjectKey, keys))
    .orderBy(desc(disclosures.at))
    .limit(500);
}
