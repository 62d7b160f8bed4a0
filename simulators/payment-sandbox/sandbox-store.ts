import type { CreatePaymentBody, RefundBody, SandboxErrorCode } from '../../src/integrations/payment/sandbox-api.ts';
import type { PaymentStatus } from '../../src/integrations/payment/payment-provider.ts';
import { newId } from '../../src/shared/ids.ts';

/** What the merchant sent, kept as sent, with the sandbox's own facts about the payment. */
export interface StoredPayment extends Omit<CreatePaymentBody, 'expiresAt'> {
  id: string;
  expiresAt: Date;
  createdAt: Date;
  paidAt?: Date;
  closedAt?: Date;
  refunds: StoredRefund[];
}

export interface StoredRefund {
  id: string;
  paymentId: string;
  amountFen: number;
  reason: string;
  createdAt: Date;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: SandboxErrorCode; message: string };

interface IdempotencyRecord {
  fingerprint: string;
  resultId: string;
}

/**
 * The sandbox's whole state, in memory: it is a sandbox, and a restart forgets every payment.
 * Every method runs to completion without awaiting, so two requests with the same idempotency key
 * can never both create something.
 */
export class SandboxStore {
  readonly #payments = new Map<string, StoredPayment>();
  readonly #refunds = new Map<string, StoredRefund>();
  readonly #idempotency = new Map<string, IdempotencyRecord>();
  readonly #now: () => Date;
  readonly #refundSettleMs: number;

  /** `refundSettleMs`: how long a refund stays `pending` before it is paid out (0: at once, as most tests want). */
  constructor(now: () => Date = () => new Date(), refundSettleMs = 0) {
    this.#now = now;
    this.#refundSettleMs = refundSettleMs;
  }

  find(id: string): StoredPayment | undefined {
    return this.#payments.get(id);
  }

  /** Expiry is a matter of time, not of a stored change: a pending payment past its expiry is expired. */
  statusOf(payment: StoredPayment): PaymentStatus {
    if (payment.paidAt) return 'paid';
    if (payment.closedAt) return 'closed';
    return this.#now() >= payment.expiresAt ? 'expired' : 'pending';
  }

  /** Like a real provider's, a refund may take a while to reach the payer: `pending` until then. */
  refundStatusOf(refund: StoredRefund): 'pending' | 'succeeded' {
    return this.#now().getTime() >= refund.createdAt.getTime() + this.#refundSettleMs ? 'succeeded' : 'pending';
  }

  findRefund(paymentId: string, refundId: string): StoredRefund | undefined {
    const refund = this.#refunds.get(refundId);
    return refund?.paymentId === paymentId ? refund : undefined;
  }

  refundedFen(payment: StoredPayment): number {
    return payment.refunds.reduce((sum, refund) => sum + refund.amountFen, 0);
  }

  createPayment(idempotencyKey: string, body: CreatePaymentBody): Outcome<StoredPayment> {
    const scope = `create:${idempotencyKey}`;
    const expiresAt = new Date(body.expiresAt);
    const fingerprint = JSON.stringify([body.merchantOrderId, body.amountFen, body.description, body.notifyUrl, body.returnUrl, expiresAt.toISOString()]);
    const replayed = this.#replay(scope, fingerprint, (id) => this.#payments.get(id));
    if (replayed) return replayed;
    const now = this.#now();
    if (expiresAt <= now) return refused('invalid_request', 'expiresAt is not in the future');
    const payment: StoredPayment = { ...body, id: newId('sbxpay', now.getTime()), expiresAt, createdAt: now, refunds: [] };
    this.#payments.set(payment.id, payment);
    this.#idempotency.set(scope, { fingerprint, resultId: payment.id });
    return { ok: true, value: payment };
  }

  /** Paying twice is not an error: the second time changes nothing and `isNew` is false. */
  pay(id: string): Outcome<{ payment: StoredPayment; isNew: boolean }> {
    const payment = this.#payments.get(id);
    if (!payment) return refused('not_found', 'No such payment');
    const status = this.statusOf(payment);
    if (status === 'paid') return { ok: true, value: { payment, isNew: false } };
    if (status !== 'pending') return refused('invalid_state', `Payment is ${status}`);
    payment.paidAt = this.#now();
    return { ok: true, value: { payment, isNew: true } };
  }

  close(id: string): Outcome<StoredPayment> {
    const payment = this.#payments.get(id);
    if (!payment) return refused('not_found', 'No such payment');
    const status = this.statusOf(payment);
    if (status === 'paid') return refused('invalid_state', 'Payment is paid');
    payment.closedAt ??= this.#now();
    return { ok: true, value: payment };
  }

  refund(paymentId: string, idempotencyKey: string, body: RefundBody): Outcome<StoredRefund> {
    const payment = this.#payments.get(paymentId);
    if (!payment) return refused('not_found', 'No such payment');
    const scope = `refund:${paymentId}:${idempotencyKey}`;
    const fingerprint = JSON.stringify([body.amountFen, body.reason]);
    const replayed = this.#replay(scope, fingerprint, (id) => this.#refunds.get(id));
    if (replayed) return replayed;
    const status = this.statusOf(payment);
    if (status !== 'paid') return refused('invalid_state', `Payment is ${status}`);
    if (this.refundedFen(payment) + body.amountFen > payment.amountFen) return refused('refund_exceeds_paid', 'Refunds would exceed the amount paid');
    const now = this.#now();
    const refund: StoredRefund = { id: newId('sbxref', now.getTime()), paymentId, amountFen: body.amountFen, reason: body.reason, createdAt: now };
    payment.refunds.push(refund);
    this.#refunds.set(refund.id, refund);
    this.#idempotency.set(scope, { fingerprint, resultId: refund.id });
    return { ok: true, value: refund };
  }

  /** The earlier result for a key used before with the same request; a refusal when the request differs. */
  #replay<T>(scope: string, fingerprint: string, load: (id: string) => T | undefined): Outcome<T> | undefined {
    const record = this.#idempotency.get(scope);
    if (!record) return undefined;
    if (record.fingerprint !== fingerprint) return refused('idempotency_conflict', 'Idempotency-Key was used with a different request');
    const earlier = load(record.resultId);
    return earlier ? { ok: true, value: earlier } : undefined;
  }
}

function refused(code: SandboxErrorCode, message: string): { ok: false; code: SandboxErrorCode; message: string } {
  return { ok: false, code, message };
}
