/**
 * The payment adapter the platform uses (R-POL-8). Money is integer fen. Nothing personal crosses
 * it: a payment carries the order id and the product name, never who buys or who is insured.
 */
export type PaymentStatus = 'pending' | 'paid' | 'expired' | 'closed';

export type RefundStatus = 'succeeded' | 'pending' | 'failed';

export interface CreatePaymentInput {
  /** The platform's own id for what is paid (an order id); the provider echoes it in notifications. */
  merchantOrderId: string;
  amountFen: number;
  /** Shown on the provider's page and statement: the product name only, never personal information. */
  description: string;
  /** Where the provider POSTs its signed asynchronous notification. */
  notifyUrl: string;
  /** Where the payer's browser goes back to afterwards, paid or not. */
  returnUrl: string;
  /** After this the payment can no longer be paid (an unpaid order expires). */
  expiresAt: Date;
  /** The same key with the same input gives the same payment: a retried create never makes a second one. */
  idempotencyKey: string;
}

export interface CreatedPayment {
  providerPaymentId: string;
  /** The provider's hosted page the payer is sent to. */
  payUrl: string;
  status: PaymentStatus;
}

export interface PaymentState {
  status: PaymentStatus;
  amountFen: number;
  paidAt?: Date;
  refundedFen: number;
}

export interface RefundInput {
  providerPaymentId: string;
  amountFen: number;
  /** A short, non-personal reason (`cooling_off_cancellation`). */
  reason: string;
  /** The same key with the same input gives the same refund: a retried refund never pays out twice. */
  idempotencyKey: string;
}

export interface RefundResult {
  providerRefundId: string;
  status: RefundStatus;
}

/** A notification whose signature and freshness have been verified. */
export interface PaymentNotification {
  /**
   * The provider's id of this notification: the same on every retry of it. The caller records it and
   * ignores a notification it has already handled (replays inside the freshness window).
   */
  notificationId: string;
  type: 'payment.paid';
  providerPaymentId: string;
  merchantOrderId: string;
  amountFen: number;
  paidAt: Date;
}

/** Request headers as Node (`IncomingHttpHeaders`) or Fastify hand them over; names in any case. */
export type NotificationHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface PaymentProvider {
  readonly name: string;
  /**
   * For providers that receive personal information: the integration name under which the
   * disclosure registry holds the recipient. A provider that receives none (the sandbox) has none.
   */
  readonly recipientIntegration?: string;
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  queryPayment(providerPaymentId: string): Promise<PaymentState>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** Where a refund stands: a `pending` one is asked about again until it has `succeeded` or `failed`. */
  queryRefund(providerPaymentId: string, providerRefundId: string): Promise<RefundResult>;
  /** Throws AppError `payment_notification_invalid` for a bad signature, a stale timestamp or a malformed body. */
  verifyNotification(rawBody: string, headers: NotificationHeaders): PaymentNotification;
  /** Stops a pending payment from being paid; refused (`payment_state_conflict`) once it is paid. */
  closePayment(providerPaymentId: string): Promise<void>;
}
