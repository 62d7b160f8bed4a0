import { isAppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { applyPaidSignal } from './apply-paid-signal.ts';
import type { PaidPaymentDeps, PaymentRow } from './payment-records.ts';
import { queryPaidSignal } from './query-paid-signal.ts';

/**
 * The payer came back from the provider's page (R-POL-8). The redirect itself proves nothing —
 * anyone can open the return address — so the provider is asked about a payment still pending, and
 * a paid answer takes the notification's path (once, however often the page is reloaded). When the
 * provider cannot be reached nothing changes: its notification will still come. True when a paid
 * answer was applied (what it paid for may have moved on).
 */
export async function applyIfPaidAtProvider(ctx: Ctx, deps: PaidPaymentDeps, payment: PaymentRow | null): Promise<boolean> {
  if (!payment || payment.status !== 'pending' || payment.provider !== deps.provider.name) return false;
  try {
    const signal = await queryPaidSignal(deps.provider, payment);
    if (!signal) return false;
    await applyPaidSignal(ctx, deps, signal);
    return true;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'payment_provider_unavailable') throw error;
    return false;
  }
}
