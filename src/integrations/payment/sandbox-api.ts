import { Type, type Static } from 'typebox';

/**
 * The payment sandbox's wire format, one source for both sides: the sandbox validates requests with
 * it and the platform's client validates replies and notifications with it. Times are ISO 8601 UTC.
 */
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const Fen = Type.Integer({ minimum: 1, maximum: 100_000_000_00 });
const HttpUrl = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048 });
const Time = Type.String({ format: 'date-time' });

export const PaymentStatusSchema = Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('expired'), Type.Literal('closed')]);

export const CreatePaymentBody = Type.Object(
  {
    merchantOrderId: Id,
    amountFen: Fen,
    description: Type.String({ minLength: 1, maxLength: 128 }),
    notifyUrl: HttpUrl,
    returnUrl: HttpUrl,
    expiresAt: Time,
  },
  { additionalProperties: false },
);
export type CreatePaymentBody = Static<typeof CreatePaymentBody>;

export const RefundBody = Type.Object(
  {
    amountFen: Fen,
    reason: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type RefundBody = Static<typeof RefundBody>;

export const PaymentReply = Type.Object({
  id: Id,
  merchantOrderId: Id,
  amountFen: Fen,
  description: Type.String(),
  status: PaymentStatusSchema,
  payUrl: HttpUrl,
  expiresAt: Time,
  paidAt: Type.Union([Time, Type.Null()]),
  refundedFen: Type.Integer({ minimum: 0 }),
  createdAt: Time,
});
export type PaymentReply = Static<typeof PaymentReply>;

export const RefundReply = Type.Object({
  id: Id,
  paymentId: Id,
  amountFen: Fen,
  status: Type.Union([Type.Literal('succeeded'), Type.Literal('pending'), Type.Literal('failed')]),
  createdAt: Time,
});
export type RefundReply = Static<typeof RefundReply>;

/** What the sandbox answers instead when it refuses. */
export const sandboxErrorCodes = [
  'invalid_request',
  'unauthorized',
  'stale_timestamp',
  'not_found',
  'idempotency_conflict',
  'invalid_state',
  'refund_exceeds_paid',
  'payload_too_large',
  'unavailable',
] as const;
export type SandboxErrorCode = (typeof sandboxErrorCodes)[number];

export const ErrorReply = Type.Object({
  error: Type.Object({ code: Type.Enum(sandboxErrorCodes), message: Type.String() }),
});
export type ErrorReply = Static<typeof ErrorReply>;

export const PaidNotificationBody = Type.Object({
  id: Id,
  type: Type.Literal('payment.paid'),
  createdAt: Time,
  payment: Type.Object({
    id: Id,
    merchantOrderId: Id,
    amountFen: Fen,
    status: Type.Literal('paid'),
    paidAt: Time,
  }),
});
export type PaidNotificationBody = Static<typeof PaidNotificationBody>;

/** A body that is not JSON is treated like any other body of the wrong shape. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
