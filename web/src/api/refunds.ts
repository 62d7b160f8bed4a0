import type { RefundReason, RefundState } from '../../../src/modules/payments/payment-terms.ts';
import { apiRequest } from './client';

export interface OrderRefund {
  id: string;
  amountFen: number;
  reason: RefundReason;
  status: RefundState;
  createdAt: string;
  updatedAt: string;
}

/** The money given back on one order of this session, oldest first (R-POL-8 … R-POL-10). */
export function fetchOrderRefunds(orderId: string, signal?: AbortSignal): Promise<{ refunds: OrderRefund[] }> {
  return apiRequest(`/api/site/orders/${encodeURIComponent(orderId)}/refunds`, { signal });
}
