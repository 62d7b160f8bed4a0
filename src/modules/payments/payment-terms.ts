/** Our record of a provider payment: still payable, paid (money received), or closed unpaid. */
export const PAYMENT_STATUSES = ['pending', 'paid', 'closed'] as const;
export type PaymentRecordStatus = (typeof PAYMENT_STATUSES)[number];

/** What a payment pays for: an order's premium, or the extra premium of new travel dates. */
export const PAYMENT_PURPOSES = ['premium', 'date_change'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

/** Why money goes back: the insurer declined, 犹豫期 cancellation, a cheaper date change, or paid after the order expired. */
export const REFUND_REASONS = ['issuance_declined', 'cooling_off_cancellation', 'date_change', 'late_payment'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

/** Why money went back, as the customer's order page and the console both say it. */
export const refundReasonNames: Record<RefundReason, { zh: string; en: string }> = {
  issuance_declined: { zh: '保险公司未承保', en: 'The insurer declined' },
  cooling_off_cancellation: { zh: '犹豫期退保', en: 'Cancelled in the cooling-off period' },
  date_change: { zh: '更改出行日期', en: 'Change of travel dates' },
  late_payment: { zh: '订单失效后到账的付款', en: 'Paid after the order lapsed' },
};

/** `requested`: recorded, the provider not (yet) answering; it counts against what was paid like the rest. */
export const REFUND_STATES = ['requested', 'succeeded', 'pending', 'failed'] as const;
export type RefundState = (typeof REFUND_STATES)[number];
/** Still on its way: recorded but not answered, or answered `pending` by the provider. */
export const OPEN_REFUND_STATES = ['requested', 'pending'] as const satisfies readonly RefundState[];
export const isOpenRefundState = (state: RefundState): boolean => (OPEN_REFUND_STATES as readonly RefundState[]).includes(state);

/** The provider's idempotency key of an order's premium, or of a date change's extra: one payment each. */
export function paymentKeyOf(orderOrDateChangeId: string): string {
  return `pay_${orderOrDateChangeId}`;
}
