import type { PaymentProvider } from '../../integrations/payment/payment-provider.ts';
import type { PaidSignal } from './apply-paid-signal.ts';
import type { PaymentRow } from './payment-records.ts';

/**
 * Asks the provider where a payment stands and, when it is paid, words the answer as a paid signal.
 * Its id is fixed per payment, so asking again (another return, the expiry job) repeats one signal.
 */
export async function queryPaidSignal(provider: PaymentProvider, payment: PaymentRow): Promise<PaidSignal | null> {
  const state = await provider.queryPayment(payment.providerPaymentId);
  if (state.status !== 'paid') return null;
  return {
    source: 'query',
    signalId: `query:${payment.providerPaymentId}`,
    providerPaymentId: payment.providerPaymentId,
    merchantOrderId: payment.merchantReference ?? payment.orderId,
    amountFen: state.amountFen,
    paidAt: state.paidAt ?? new Date(),
  };
}
