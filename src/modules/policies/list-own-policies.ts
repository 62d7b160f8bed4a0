import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { plans } from '../catalogue/schema.ts';
import { orders } from '../orders/schema.ts';
import { listOwnOrders } from '../orders/view-own-orders.ts';
import { maskedDocumentOf, readPartiesOfOrders } from '../orders/order-parties.ts';
import { policies, type PolicyStatus } from './schema.ts';

/** One policy on 我的保险 (R-POL-10): the owner's own names in full, document numbers masked. */
export interface OwnPolicy {
  id: string;
  orderId: string;
  policyNumber: string;
  status: PolicyStatus;
  product: { code: string; nameZh: string; nameEn: string };
  plan: { code: string; nameZh: string; nameEn: string };
  coverStart: string;
  coverEnd: string;
  issuedAt: Date;
  /** Names in full, the document they travel with masked. */
  insured: Array<{ name: string; idMasked: string }>;
  /** The plan meets the Schengen visa rules: the visa certificate can be downloaded too. */
  hasSchengenCertificate: boolean;
}

/** The policies of the signed-in customer or of this guest session, newest order first. */
export async function listOwnPolicies(ctx: Ctx, deps: { db: Db; keyring: Keyring }): Promise<OwnPolicy[]> {
  const owned = await listOwnOrders(ctx, deps.db);
  if (owned.length === 0) return [];
  const rows = await deps.db
    .select({ policy: policies, isSchengen: plans.schengenCompliant })
    .from(policies)
    .innerJoin(orders, eq(orders.id, policies.orderId))
    .innerJoin(plans, eq(plans.id, orders.planId))
    .where(inArray(policies.orderId, owned.map((order) => order.id)));
  const byOrder = new Map(rows.map((row) => [row.policy.orderId, row]));
  // The insured of the whole page in one query; only names and documents are decrypted.
  const insuredByOrder = await readPartiesOfOrders(ctx, deps, [...byOrder.keys()], ['name', 'idDocument', 'passport'], { role: 'insured' });
  const result: OwnPolicy[] = [];
  for (const order of owned) {
    const row = byOrder.get(order.id);
    if (!row) continue;
    result.push({
      id: row.policy.id,
      orderId: order.id,
      policyNumber: row.policy.insurerPolicyNumber,
      status: row.policy.status,
      product: { code: order.product.code, nameZh: order.product.nameZh, nameEn: order.product.nameEn },
      plan: order.plan,
      coverStart: row.policy.coverStart,
      coverEnd: row.policy.coverEnd,
      issuedAt: row.policy.issuedAt,
      insured: (insuredByOrder.get(order.id) ?? []).map((party) => ({ name: party.values.name ?? '—', idMasked: maskedDocumentOf(party.values) })),
      hasSchengenCertificate: row.isSchengen,
    });
  }
  return result;
}
