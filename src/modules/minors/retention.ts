import { sql } from 'drizzle-orm';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';

/** A child's age band and guardian consent go with the account: once it is anonymised, they are deleted. */
const ofAnonymisedAccount = (table: string) => sql`exists (select 1 from customers c where c.id = ${sql.identifier(table)}.customer_id and c.status = 'anonymised')`;

export const minorsSweepRules: SweepRule[] = [
  { table: 'customer_ages', keyColumn: 'customer_id', subjectColumn: 'customer_id', rule: 'until_account_closed', action: { kind: 'delete' }, expired: ofAnonymisedAccount('customer_ages') },
  { table: 'guardian_consents', keyColumn: 'id', subjectColumn: 'customer_id', rule: 'until_account_closed', action: { kind: 'delete' }, expired: ofAnonymisedAccount('guardian_consents') },
];
