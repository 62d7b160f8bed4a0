import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { OrderSummary } from '../orders/order-summary.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { policies } from './schema.ts';

export type PolicyRow = typeof policies.$inferSelect;

/**
 * A policy of the signed-in customer or of this guest session, with its order. Whose it is is the
 * order's to say; somebody else's policy answers "not found", exactly like one that does not exist.
 */
export async function findOwnPolicy(ctx: Ctx, db: DbOrTx, policyId: string): Promise<{ policy: PolicyRow; order: OrderSummary }> {
  const [policy] = await db.select().from(policies).where(eq(policies.id, policyId));
  if (!policy) throw notFound();
  try {
    return { policy, order: await getOwnOrder(ctx, db, policy.orderId) };
  } catch (error) {
    if (isAppError(error) && error.code === 'order_not_found') throw notFound();
    throw error;
  }
}

function notFound(): AppError {
  return new AppError('policy_not_found', 'No policy with this id for this session');
}
