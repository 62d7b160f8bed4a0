import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { plans, products } from '../catalogue/schema.ts';
import { maskedDocumentOf, openParties, sealedPartiesOf } from '../orders/order-parties.ts';
import { orders } from '../orders/schema.ts';
import { isOwnOrder } from '../orders/view-own-orders.ts';
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

// What the list shows of each insured person: the name, and one document number masked.
const LISTED_FIELDS = ['name', 'idDocument', 'passport'] as const;

/**
 * The policies of the signed-in customer or of this guest session, newest order first: the
 * policies, their orders' products and plans and their insured persons (sealed) in one query; only
 * names and the one document shown are decrypted.
 */
export async function listOwnPolicies(ctx: Ctx, deps: { db: Db; keyring: Keyring }): Promise<OwnPolicy[]> {
  const rows = await deps.db
    .select({
      id: policies.id,
      orderId: policies.orderId,
      policyNumber: policies.insurerPolicyNumber,
      status: policies.status,
      product: { code: products.code, nameZh: products.nameZh, nameEn: products.nameEn },
      plan: { code: plans.code, nameZh: plans.nameZh, nameEn: plans.nameEn },
      coverStart: policies.coverStart,
      coverEnd: policies.coverEnd,
      issuedAt: policies.issuedAt,
      insured: sealedPartiesOf(orders.id, LISTED_FIELDS, { role: 'insured' }),
      hasSchengenCertificate: plans.schengenCompliant,
    })
    .from(orders)
    .innerJoin(policies, eq(policies.orderId, orders.id))
    .innerJoin(products, eq(products.id, orders.productId))
    .innerJoin(plans, eq(plans.id, orders.planId))
    .where(isOwnOrder(ctx))
    .orderBy(desc(orders.createdAt))
    .limit(100);
  const result: OwnPolicy[] = [];
  for (const { insured, ...policy } of rows) {
    const people = await openParties(ctx, deps, insured, LISTED_FIELDS, { shownDocumentOnly: true });
    result.push({ ...policy, insured: people.map((party) => ({ name: party.values.name ?? '—', idMasked: maskedDocumentOf(party.values) })) });
  }
  return result;
}
