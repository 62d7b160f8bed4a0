import { desc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import type { Db } from '../../db/types.ts';
import { customers } from '../../modules/accounts/schema.ts';
import type { Ctx } from '../access/context.ts';
import { readPersonalField } from '../access/read-personal-field.ts';
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
  if (ctx.actor.type !== 'customer') throw new AppError('unauthorized', 'Customer session required');
  const customerId = ctx.actor.id;
  const [customer] = await deps.db.select({ phoneEnc: customers.phoneEnc }).from(customers).where(eq(customers.id, customerId));
  if (!customer) throw new AppError('unauthorized', 'Customer of the session no longer exists');
  const phone = await readPersonalField(ctx, deps, { table: 'customers', column: 'phone_enc', rowId: customerId }, customer.phoneEnc);
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
