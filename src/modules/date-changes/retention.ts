import { sql } from 'drizzle-orm';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';
import { policyGoes } from '../policies/retention.ts';

/**
 * A change of dates is part of its policy's insurance record (保险法 art. 87): it goes with its policy
 * and, as it refers to the policy, its endorsement and its extra payment, before them — these rules
 * run ahead of the policies' and payments' rules.
 */
export const dateChangesSweepRules: SweepRule[] = [
  {
    table: 'date_changes',
    keyColumn: 'id',
    rule: 'insurance_record',
    action: { kind: 'delete' },
    expired: sql`exists (select 1 from policies where policies.id = date_changes.policy_id and ${policyGoes})`,
  },
];
