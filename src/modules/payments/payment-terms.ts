/** Our record of a provider payment: still payable, paid (money received), or closed unpaid. */
export const PAYMENT_STATUSES = ['pending', 'paid', 'closed'] as const;
export type PaymentRecordStatus = (typeof PAYMENT_STATUSES)[number];

/** What a payment pays for: an order's premium, or the extra premium of new travel dates. */
export const PAYMENT_PURPOSES = ['premium', 'date_change'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

/** Why money goes back: the insurer declined, 犹豫期 cancellation, a cheaper date change, or paid after the order expired. */
export const REFUND_REASONS = ['issuance_declined', 'cooling_off_cancellation', 'date_change', 'late_payment'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** `requested`: recorded, the provider not (yet) answering; it counts against what was paid like the rest. */
export const REFUND_STATES = ['requested', 'succeeded', 'pending', 'failed'] as const;
export type RefundState = (typeof REFUND_STATES)[number];

/** The provider's idempotency key of an order's premium, or of a date change's extra: one payment each. */
export function paymentKeyOf(orderOrDateChangeId: string): string {
  return `pay_${orderOrDateChangeId}`;
}
