import type { ApplicationInput } from '../../../src/shared/application.ts';
import type { OrderSummary } from '../../../src/modules/orders/order-summary.ts';
import type { ShowableStep } from '../../../src/shared/orders.ts';
import { apiRequest } from './client';

/**
 * The purchase flow of the site (R-POL-4 … R-POL-10): sales and their steps, orders, payment,
 * policies and application drafts. Personal information travels only in bodies, never in addresses.
 */

export type ConsentPurpose = 'sensitive_pi' | 'share_with_insurer';

/** A separate consent the application needs, in the words to show beside its box. */
export interface SaleConsent {
  purpose: ConsentPurpose;
  version: number;
  text: string;
  isGranted: boolean;
}

export interface StartedSale {
  saleId: string;
  /** What must be read and confirmed before the application, in order. */
  steps: ShowableStep[];
  consents: SaleConsent[];
}

/** One document or statement as the server showed it (and recorded with its hash). */
export interface SaleStepContent {
  kind: ShowableStep;
  contentHash: string;
  title: string;
  body: string;
  questions: Array<{ id: string; text: string }> | null;
  statement: string | null;
}

/** An order as the site sends it: the server's OrderSummary with its times as ISO 8601 strings. */
export type Order = { [K in keyof OrderSummary]: OrderSummary[K] extends Date ? string : OrderSummary[K] extends Date | null ? string | null : OrderSummary[K] };

export interface OrderSubmission {
  saleId: string;
  idempotencyKey: string;
  application: ApplicationInput;
  consents: { sensitivePi?: { version: number }; shareWithInsurer?: { version: number } };
}

/** A policy as 我的保险 lists it: the insured persons' names in full, their document numbers masked. */
export interface Policy {
  id: string;
  orderId: string;
  policyNumber: string;
  status: 'issued' | 'cancelled';
  product: { code: string; nameZh: string; nameEn: string };
  plan: { code: string; nameZh: string; nameEn: string };
  coverStart: string;
  coverEnd: string;
  issuedAt: string;
  insured: Array<{ name: string; idMasked: string }>;
  /** The plan meets the Schengen visa rules: its visa certificate can be downloaded. */
  hasSchengenCertificate: boolean;
}

export type EPolicyVariant = 'standard' | 'schengen_certificate';

export interface DraftSummary {
  productCode: string;
  productNameZh: string;
  productNameEn: string;
  updatedAt: string;
}

export interface Draft<Data> {
  data: Data;
  updatedAt: string;
}

/** A guest session: buying needs no account (R-ACC-2). A session already there is kept. */
export function startGuestSession(): Promise<{ guestId: string; csrfToken: string }> {
  return apiRequest('/api/site/auth/guest', { method: 'POST' });
}

export function startSale(productCode: string): Promise<StartedSale> {
  return apiRequest('/api/site/sales', { method: 'POST', body: { productCode } });
}

export function fetchSaleStep(saleId: string, kind: ShowableStep): Promise<SaleStepContent> {
  return apiRequest(`/api/site/sales/${encodeURIComponent(saleId)}/steps/${kind}`);
}

export function confirmSaleStep(saleId: string, kind: ShowableStep, contentHash: string): Promise<{ confirmedAt: string }> {
  return apiRequest(`/api/site/sales/${encodeURIComponent(saleId)}/steps/${kind}/confirmation`, { method: 'POST', body: { contentHash } });
}

export function submitOrder(submission: OrderSubmission): Promise<Order> {
  return apiRequest('/api/site/orders', { method: 'POST', body: submission });
}

export function fetchOrders(signal?: AbortSignal): Promise<{ orders: Order[] }> {
  return apiRequest('/api/site/orders', { signal });
}

/**
 * One order; with `waitWhile` the server answers once the order has left that status (a policy
 * issued while the page shows 出单中), or after `waitSeconds` as it then stands.
 */
export function fetchOrder(orderId: string, signal?: AbortSignal, wait?: { waitWhile: Order['status']; waitSeconds?: number }): Promise<Order> {
  const query = wait ? `?waitWhile=${encodeURIComponent(wait.waitWhile)}${wait.waitSeconds ? `&waitSeconds=${wait.waitSeconds}` : ''}` : '';
  return apiRequest(`/api/site/orders/${encodeURIComponent(orderId)}${query}`, { signal });
}

/** 去支付: the provider's page to send the payer to (the same payment when asked again). */
export function startPayment(orderId: string): Promise<{ payUrl: string }> {
  return apiRequest(`/api/site/orders/${encodeURIComponent(orderId)}/payment`, { method: 'POST' });
}

/** Back from the provider's page: the server asks the provider, and answers the order as it now stands. */
export function confirmPaymentReturn(orderId: string): Promise<Order> {
  return apiRequest(`/api/site/orders/${encodeURIComponent(orderId)}/payment/return`, { method: 'POST' });
}

export function fetchPolicies(signal?: AbortSignal): Promise<{ policies: Policy[] }> {
  return apiRequest('/api/site/policies', { signal });
}

/** Where the browser downloads an e-policy (a plain link: the session cookie goes with it). */
export function ePolicyHref(policyId: string, variant: EPolicyVariant): string {
  return `/api/site/policies/${encodeURIComponent(policyId)}/e-policy.pdf?variant=${variant}`;
}

export function fetchDrafts(signal?: AbortSignal): Promise<{ drafts: DraftSummary[] }> {
  return apiRequest('/api/site/drafts', { signal });
}

export function fetchDraft<Data>(productCode: string, signal?: AbortSignal): Promise<Draft<Data>> {
  return apiRequest(`/api/site/drafts/${encodeURIComponent(productCode)}`, { signal });
}

export function saveDraft(productCode: string, data: object, saleId: string): Promise<{ updatedAt: string }> {
  return apiRequest(`/api/site/drafts/${encodeURIComponent(productCode)}`, { method: 'PUT', body: { data, saleId } });
}

export function deleteDraft(productCode: string): Promise<void> {
  return apiRequest(`/api/site/drafts/${encodeURIComponent(productCode)}`, { method: 'DELETE' });
}

export interface CancellationPreview {
  policyId: string;
  premiumFen: number;
  refundFen: number;
  effectiveDate: string;
  lastDay: string;
}

/** What cancelling today would refund; changes nothing (R-POL-10). */
export function fetchCancellationPreview(policyId: string): Promise<CancellationPreview> {
  return apiRequest(`/api/site/policies/${encodeURIComponent(policyId)}/cancellation`);
}

/** Cancels with the refund the person saw; the server refuses when the insurer's answer changed. */
export function cancelPolicy(policyId: string, expectedRefundFen: number): Promise<{ refundFen: number }> {
  return apiRequest(`/api/site/policies/${encodeURIComponent(policyId)}/cancellation`, { method: 'POST', body: { expectedRefundFen } });
}
