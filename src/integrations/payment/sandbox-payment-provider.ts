import { AppError } from '../../errors/app-error.ts';
import { scrubText } from '../../privacy/redaction/scrub.ts';
import type { FetchLike } from '../sms/post-to-provider.ts';
import { callSandbox, type SandboxConnection } from './call-sandbox.ts';
import type {
  CreatedPayment,
  CreatePaymentInput,
  NotificationHeaders,
  PaymentNotification,
  PaymentProvider,
  PaymentState,
  RefundInput,
  RefundResult,
} from './payment-provider.ts';
import { PaymentReply, RefundReply } from './sandbox-api.ts';
import { verifySandboxNotification } from './verify-sandbox-notification.ts';

export interface SandboxPaymentOptions {
  /** Where the sandbox listens (`http://127.0.0.1:4010`). */
  baseUrl: string;
  merchantId: string;
  /** The secret shared with the sandbox: it signs our requests and its notifications. */
  secret: string;
  /** Per attempt: a payer waits for the create, so keep it to seconds. */
  timeoutMs: number;
  /** For tests: pauses before each retry (default 250 ms, then 1 s). */
  retryDelaysMs?: readonly number[];
  fetch?: FetchLike;
  now?: () => Date;
}

const DEFAULT_RETRY_DELAYS_MS = [250, 1_000];

/** The client of the payment sandbox (simulators/payment-sandbox), over its signed HTTP API. */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  // No recipientIntegration: the sandbox is sent an order id, an amount and a product name, nothing personal.
  readonly #connection: SandboxConnection;

  constructor(options: SandboxPaymentOptions) {
    this.#connection = {
      baseUrl: options.baseUrl,
      merchantId: options.merchantId,
      secret: options.secret,
      timeoutMs: options.timeoutMs,
      retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      fetch: options.fetch ?? fetch,
      now: options.now ?? (() => new Date()),
    };
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    assertNotPersonal('description', input.description);
    const reply = await callSandbox(
      this.#connection,
      {
        method: 'POST',
        path: '/v1/payments',
        idempotencyKey: input.idempotencyKey,
        body: {
          merchantOrderId: input.merchantOrderId,
          amountFen: input.amountFen,
          description: input.description,
          notifyUrl: input.notifyUrl,
          returnUrl: input.returnUrl,
          expiresAt: input.expiresAt.toISOString(),
        },
      },
      PaymentReply,
    );
    return { providerPaymentId: reply.id, payUrl: reply.payUrl, status: reply.status };
  }

  async queryPayment(providerPaymentId: string): Promise<PaymentState> {
    const reply = await callSandbox(this.#connection, { method: 'GET', path: paymentPath(providerPaymentId) }, PaymentReply);
    const state: PaymentState = { status: reply.status, amountFen: reply.amountFen, refundedFen: reply.refundedFen };
    if (reply.paidAt !== null) state.paidAt = new Date(reply.paidAt);
    return state;
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    assertNotPersonal('reason', input.reason);
    const reply = await callSandbox(
      this.#connection,
      { method: 'POST', path: `${paymentPath(input.providerPaymentId)}/refunds`, idempotencyKey: input.idempotencyKey, body: { amountFen: input.amountFen, reason: input.reason } },
      RefundReply,
    );
    return { providerRefundId: reply.id, status: reply.status };
  }

  async queryRefund(providerPaymentId: string, providerRefundId: string): Promise<RefundResult> {
    const reply = await callSandbox(this.#connection, { method: 'GET', path: `${paymentPath(providerPaymentId)}/refunds/${encodeURIComponent(providerRefundId)}` }, RefundReply);
    return { providerRefundId: reply.id, status: reply.status };
  }

  async closePayment(providerPaymentId: string): Promise<void> {
    await callSandbox(this.#connection, { method: 'POST', path: `${paymentPath(providerPaymentId)}/close` }, PaymentReply);
  }

  verifyNotification(rawBody: string, headers: NotificationHeaders): PaymentNotification {
    const connection = this.#connection;
    return verifySandboxNotification({ merchantId: connection.merchantId, secret: connection.secret, now: connection.now() }, rawBody, headers);
  }
}

function paymentPath(providerPaymentId: string): string {
  return `/v1/payments/${encodeURIComponent(providerPaymentId)}`;
}

/**
 * Texts sent to the provider are stored and shown by it: one that looks like personal information
 * (a phone, an ID number…) is a bug in the caller, stopped here before it leaves the platform.
 */
function assertNotPersonal(field: string, text: string): void {
  if (scrubText(text) === text) return;
  throw new AppError('internal', `Payment ${field} looks like personal information; not sent`, { details: { provider: 'sandbox', field } });
}
