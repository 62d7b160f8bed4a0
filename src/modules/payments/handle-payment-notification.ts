import type { NotificationHeaders } from '../../integrations/payment/payment-provider.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { applyPaidSignal, type AppliedSignal } from './apply-paid-signal.ts';
import type { PaidPaymentDeps } from './payment-records.ts';

/**
 * The provider's asynchronous notification (R-POL-8). Nothing in it is believed before the provider
 * verified its signature over the exact bytes received (a bad or stale one is refused with
 * `payment_notification_invalid`, and nothing changes). A notification handled before is
 * acknowledged again without effect. The caller acknowledges only when this returns: a failure
 * makes the provider deliver it again later.
 */
export async function handlePaymentNotification(ctx: Ctx, deps: PaidPaymentDeps, input: { rawBody: string; headers: NotificationHeaders }): Promise<AppliedSignal> {
  const notification = deps.provider.verifyNotification(input.rawBody, input.headers);
  return applyPaidSignal(ctx, deps, {
    source: 'notification',
    signalId: notification.notificationId,
    providerPaymentId: notification.providerPaymentId,
    merchantOrderId: notification.merchantOrderId,
    amountFen: notification.amountFen,
    paidAt: notification.paidAt,
  });
}
