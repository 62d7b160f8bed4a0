import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { plans, products } from '../catalogue/schema.ts';
import { sealedPartiesOf, type PartyValues, type SealedParty } from '../orders/order-parties.ts';
import { orderSummaryColumns, summaryOf, type OrderSummary } from '../orders/order-summary.ts';
import { orders } from '../orders/schema.ts';
import { isOwnOrder } from '../orders/view-own-orders.ts';
import { premiumChangesFen } from './current-premium.ts';
import { policies } from './schema.ts';

export type PolicyRow = typeof policies.$inferSelect;

export interface OwnPolicyWithOrder {
  policy: PolicyRow;
  order: OrderSummary;
  /** The premium as it stands: the order's, plus what its changes of dates added or gave back. */
  premiumFen: number;
  /** The order's people, sealed (openParties decrypts them): only when asked for, else none. */
  parties: SealedParty[];
}

/**
 * A policy of the signed-in customer or of this guest session, with its order and its premium as it
 * stands — and, when `parties` names fields, its people — in one query. Whose it is is the order's to
 * say; somebody else's policy answers "not found", exactly like one that does not exist.
 */
export async function findOwnPolicy(ctx: Ctx, db: DbOrTx, policyId: string, options: { parties?: ReadonlyArray<keyof PartyValues> } = {}): Promise<OwnPolicyWithOrder> {
  const [row] = await db
    .select({
      policy: policies,
      ...orderSummaryColumns,
      premiumChangesFen: premiumChangesFen(policies.id),
      ...(options.parties ? { parties: sealedPartiesOf(orders.id, options.parties) } : {}),
    })
    .from(policies)
    .innerJoin(orders, eq(orders.id, policies.orderId))
    .innerJoin(products, eq(products.id, orders.productId))
    .innerJoin(plans, eq(plans.id, orders.planId))
    .where(and(eq(policies.id, policyId), isOwnOrder(ctx)));
  if (!row) throw new AppError('policy_not_found', 'No policy with this id for this session');
  return { policy: row.policy, order: summaryOf(row.order, row.product, row.plan), premiumFen: row.order.premiumFen + row.premiumChangesFen, parties: row.parties ?? [] };
}
