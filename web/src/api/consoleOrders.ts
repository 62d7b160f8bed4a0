import type { OrderStatus, SaleStepKind } from '../../../src/shared/orders.ts';
import type { IdDocumentType } from '../../../src/shared/identity-documents.ts';
import type { PaymentPurpose, PaymentRecordStatus } from '../../../src/modules/payments/payment-terms.ts';
import { apiRequest } from './client';
import type { OrderRefund } from './refunds';

/** An order as the console lists it: no personal values. */
export interface ConsoleOrder {
  id: string;
  status: OrderStatus;
  product: { code: string; nameZh: string; nameEn: string };
  plan: { code: string; nameZh: string; nameEn: string };
  coverStart: string;
  coverEnd: string;
  insuredCount: number;
  premiumFen: number;
  createdAt: string;
}

/** A person of an order as staff see it before unmasking (the server's shape; it holds no dates). */
import type { MaskedParty } from '../../../src/modules/orders/staff-view-order.ts';
export type { MaskedParty };

export interface TimelineStep {
  seq: number;
  kind: SaleStepKind;
  action: 'shown' | 'confirmed';
  at: string;
  viewedMs: number | null;
  contentHash: string | null;
  statement: string | null;
  document: { version: number; titleZh: string; titleEn: string; bodyZh: string; bodyEn: string; textHash: string } | null;
}

export type OrderQuery = { orderId: string } | { idDocument: { type: IdDocumentType; number: string } };

// The document number travels in the body of a POST: URLs end up in logs and browser history.
export function searchOrders(query: OrderQuery): Promise<{ orders: ConsoleOrder[] }> {
  return apiRequest('/api/console/orders/search', { method: 'POST', body: query });
}

/** A payment of an order: its premium, or the extra premium of a change of dates. */
export interface ConsoleOrderPayment {
  id: string;
  purpose: PaymentPurpose;
  amountFen: number;
  status: PaymentRecordStatus;
  paidAt: string | null;
  createdAt: string;
}

export interface ConsoleOrderMoney {
  payments: ConsoleOrderPayment[];
  refunds: OrderRefund[];
}

export function fetchConsoleOrder(orderId: string): Promise<{ order: ConsoleOrder; parties: MaskedParty[]; timeline: TimelineStep[]; money: ConsoleOrderMoney }> {
  return apiRequest(`/api/console/orders/${encodeURIComponent(orderId)}`);
}

export interface UnmaskedParty {
  name?: string;
  namePinyin?: string;
  idDocument?: { type: string; number: string };
  passport?: { number: string; country: string };
  birthDate?: string;
  phone?: string;
  email?: string;
}

/** The full values of one person, shown only with a reason that the server records in the audit log. */
export function unmaskOrderParty(orderId: string, partyId: string, reason: string): Promise<UnmaskedParty> {
  return apiRequest(`/api/console/orders/${encodeURIComponent(orderId)}/parties/${encodeURIComponent(partyId)}/unmask`, { method: 'POST', body: { reason } });
}
