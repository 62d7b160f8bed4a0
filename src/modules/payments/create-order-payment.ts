import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { openPayment, type OpenPaymentDeps } from './open-payment.ts';


/**
 * 去支付 (R-POL-8): the owner's order awaiting payment gets its payment at the provider, and the payer
 * is sent to the provider's page. One payment per order (openPayment). The provider is told the
 * order id, the premium and the product's name — nothing about the people — and that the payment
 * lapses when the order does.
 */
export async function createOrderPayment(ctx: Ctx, deps: OpenPaymentDeps, input: { orderId: string }): Promise<{ payUrl: string }> {
  const order = await getOwnOrder(ctx, deps.db, input.orderId);
  if (order.status !== 'awaiting_payment' || order.expiresAt.getTime() <= Date.now()) {
    throw new AppError('order_not_payable', 'Payment asked for an order not awaiting payment', { details: { orderId: order.id, status: order.status } });
  }
  const payment = await openPayment(deps, {
    orderId: order.id,
    purpose: 'premium',
    reference: order.id,
    amountFen: order.premiumFen,
    description: order.product.nameZh,
    returnPath: `/orders/${order.id}/paid`,
    expiresAt: order.expiresAt,
  });
  return { payUrl: payment.payUrl };
}
