import { isAppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import type { OrderSummary } from '../orders/order-summary.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { applyPaidSignal } from './apply-paid-signal.ts';
import { paymentOfOrder, type PaidPaymentDeps } from './payment-records.ts';
import { queryPaidSignal } from './query-paid-signal.ts';

/**
 * The payer's browser came back from the provider's page (R-POL-8). The redirect itself proves
 * nothing — anyone can open the return address — so the provider is asked, and a paid answer takes
 * the notification's path (once, however often the page is reloaded). When the provider cannot be
 * reached the order is shown as it stands: its notification will still come.
 */
export async function confirmPaymentReturn(ctx: Ctx, deps: PaidPaymentDeps, input: { orderId: string }): Promise<OrderSummary> {
  const order = await getOwnOrder(ctx, deps.db, input.orderId);
  const payment = await paymentOfOrder(deps.db, order.id);
  if (!payment || payment.status !== 'pending' || payment.provider !== deps.provider.name) return order;
  try {
    const signal = await queryPaidSignal(deps.provider, payment);
    if (!signal) return order;
    await applyPaidSignal(ctx, deps, signal);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'payment_provider_unavailable') throw error;
    return order;
  }
  return getOwnOrder(ctx, deps.db, order.id);
}
