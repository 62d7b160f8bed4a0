import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { PaymentProvider } from '../../integrations/payment/payment-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { newId } from '../../shared/ids.ts';
import { getOwnOrder } from '../orders/view-own-orders.ts';
import { paymentOfOrder } from './payment-records.ts';
import { paymentKeyOf } from './payment-terms.ts';
import { payments } from './schema.ts';

export interface CreateOrderPaymentDeps {
  db: Db;
  provider: PaymentProvider;
  /** The site's public address: where the provider sends its notification and the payer back. */
  publicUrl: string;
}

/** Where the provider POSTs its signed notifications (src/http/routes/partner/payments.ts). */
export function notifyUrlOf(publicUrl: string, provider: string): string {
  return `${publicUrl}/api/partner/payments/${provider}/notify`;
}

/**
 * 去支付 (R-POL-8): the owner's order awaiting payment gets its payment at the provider, and the payer
 * is sent to the provider's page. One payment per order: asked again (a second tab, a retry) it is the
 * same payment, at the provider (same idempotency key and request) as here. The provider is told the
 * order id, the premium and the product's name — nothing about the people — and that the payment
 * lapses when the order does.
 */
export async function createOrderPayment(ctx: Ctx, deps: CreateOrderPaymentDeps, input: { orderId: string }): Promise<{ payUrl: string }> {
  const order = await getOwnOrder(ctx, deps.db, input.orderId);
  if (order.status !== 'awaiting_payment' || order.expiresAt.getTime() <= Date.now()) {
    throw new AppError('order_not_payable', 'Payment asked for an order not awaiting payment', { details: { orderId: order.id, status: order.status } });
  }
  const existing = await paymentOfOrder(deps.db, order.id);
  if (existing) return { payUrl: existing.payUrl };
  const created = await deps.provider.createPayment({
    merchantOrderId: order.id,
    amountFen: order.premiumFen,
    description: order.product.nameZh,
    notifyUrl: notifyUrlOf(deps.publicUrl, deps.provider.name),
    returnUrl: `${deps.publicUrl}/orders/${order.id}/paid`,
    expiresAt: order.expiresAt,
    idempotencyKey: paymentKeyOf(order.id),
  });
  // Two requests racing both reach the same provider payment; the first row stays.
  await deps.db
    .insert(payments)
    .values({
      id: newId('pay'),
      orderId: order.id,
      provider: deps.provider.name,
      providerPaymentId: created.providerPaymentId,
      amountFen: order.premiumFen,
      status: 'pending',
      payUrl: created.payUrl,
      expiresAt: order.expiresAt,
      idempotencyKey: paymentKeyOf(order.id),
    })
    .onConflictDoNothing();
  const stored = await paymentOfOrder(deps.db, order.id);
  return { payUrl: stored?.payUrl ?? created.payUrl };
}
