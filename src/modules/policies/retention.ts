import { sql } from 'drizzle-orm';
import { notUnderHold } from '../../privacy/retention/legal-hold-condition.ts';
import type { SweepRule } from '../../privacy/retention/sweep-rule.ts';
import { withOrderThatGoes } from '../orders/retention.ts';

/**
 * A policy is part of its order's insurance record (保险法 art. 87) and carries the same
 * retain-until. It goes only together with its order — a hold on the order or on the person keeps
 * it — and not while a hold names the policy itself; its endorsements and kept e-policy PDFs go with it. These rules run
 * before the orders' rules, which a policy row would otherwise keep from deleting their order.
 */
const policiesRule = { table: 'policies', keyColumn: 'id' } as const;
/** True for a policy that goes in this sweep; rows referring to it (endorsements, changes of dates) go first. */
export const policyGoes = sql`policies.retain_until < now() and ${notUnderHold(policiesRule)} and ${withOrderThatGoes(sql`policies.order_id`)}`;

export const policiesSweepRules: SweepRule[] = [
  // The kept e-policy PDF is a rendering of the policy: it goes with it, never later.
  {
    table: 'policy_documents',
    keyColumn: 'id',
    rule: 'insurance_record',
    action: { kind: 'delete' },
    expired: sql`exists (select 1 from policies where policies.id = policy_documents.policy_id and ${policyGoes})`,
  },
  {
    table: 'policy_endorsements',
    keyColumn: 'id',
    rule: 'insurance_record',
    action: { kind: 'delete' },
    expired: sql`exists (select 1 from policies where policies.id = policy_endorsements.policy_id and ${policyGoes})`,
  },
  { ...policiesRule, rule: 'insurance_record', action: { kind: 'delete' }, expired: policyGoes },
];
