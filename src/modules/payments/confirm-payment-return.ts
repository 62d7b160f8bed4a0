import type { Ctx } from '../../privacy/access/context.ts';
import type { OrderSummary } from '../orders/order-summary.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { applyIfPaidAtProvider } from './apply-if-paid-at-provider.ts';
import { paymentOfOrder, type PaidPaymentDeps } from './payment-records.ts';

/** Back from paying an order (R-POL-8): the order after asking the provider whether its premium is paid. */
export async function confirmPaymentReturn(ctx: Ctx, deps: PaidPaymentDeps, input: { orderId: string }): Promise<OrderSummary> {
  const order = await getOwnOrder(ctx, deps.db, input.orderId);
  const applied = await applyIfPaidAtProvider(ctx, deps, await paymentOfOrder(deps.db, order.id));
  return applied ? getOwnOrder(ctx, deps.db, order.id) : order;
}
