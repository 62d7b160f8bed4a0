import type { IncomingMessage } from 'node:http';
import { type TSchema, type Static } from 'typebox';
import { Value } from 'typebox/value';
import {
  CreatePaymentBody,
  parseJson,
  RefundBody,
  type ErrorReply,
  type PaymentReply,
  type RefundReply,
  type SandboxErrorCode,
} from '../../src/integrations/payment/sandbox-api.ts';
import { checkSandboxSignature, headerValue, requestStringToSign, sandboxHeaders } from '../../src/integrations/payment/sandbox-signature.ts';
import type { Outcome, SandboxStore, StoredPayment, StoredRefund } from './sandbox-store.ts';

export interface ApiContext {
  store: SandboxStore;
  merchantId: string;
  secret: string;
  /** The sandbox's own address, for the pay page links it hands out. */
  baseUrl: () => string;
}

export interface ApiAnswer {
  status: number;
  body: PaymentReply | RefundReply | ErrorReply;
}

const statusOfError: Record<SandboxErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  stale_timestamp: 401,
  not_found: 404,
  idempotency_conflict: 409,
  invalid_state: 409,
  payload_too_large: 413,
  refund_exceeds_paid: 422,
  unavailable: 503,
};

export function apiError(code: SandboxErrorCode, message: string): ApiAnswer {
  return { status: statusOfError[code], body: { error: { code, message } } };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Authenticates a /v1 request over its exact bytes, then runs it against the store. */
export function answerApi(context: ApiContext, request: IncomingMessage, body: string): ApiAnswer {
  const method = request.method ?? 'GET';
  const path = request.url ?? '/';
  const refusal = authenticate(context, request, method, path, body);
  if (refusal) return refusal;

  const idempotencyKey = headerValue(request.headers, sandboxHeaders.idempotencyKey);
  const [, id, action, refundId] = /^\/v1\/payments(?:\/([A-Za-z0-9_-]+)(?:\/(close|refunds)(?:\/([A-Za-z0-9_-]+))?)?)?$/.exec(new URL(path, 'http://sandbox').pathname) ?? [];
  const route = `${method} ${id ? ':id' : ''}${action ? `/${action}` : ''}${refundId ? '/:refundId' : ''}`;
  switch (route) {
    case 'POST ':
      return withKeyAndBody(idempotencyKey, body, CreatePaymentBody, (key, input) => paymentAnswer(context, context.store.createPayment(key, input), 201));
    case 'GET :id':
      return paymentAnswer(context, found(context.store.find(id ?? '')));
    case 'POST :id/close':
      return paymentAnswer(context, context.store.close(id ?? ''));
    case 'POST :id/refunds':
      return withKeyAndBody(idempotencyKey, body, RefundBody, (key, input) => refundAnswer(context, context.store.refund(id ?? '', key, input), 201));
    case 'GET :id/refunds/:refundId': {
      const refund = context.store.findRefund(id ?? '', refundId ?? '');
      return refundAnswer(context, refund ? { ok: true, value: refund } : { ok: false, code: 'not_found', message: 'No such refund' });
    }
    default:
      return apiError('not_found', 'No such endpoint');
  }
}

function authenticate(context: ApiContext, request: IncomingMessage, method: string, path: string, body: string): ApiAnswer | undefined {
  const headers = request.headers;
  if (headerValue(headers, sandboxHeaders.merchant) !== context.merchantId) return apiError('unauthorized', 'Unknown merchant');
  const problem = checkSandboxSignature({
    secret: context.secret,
    signature: headerValue(headers, sandboxHeaders.signature),
    timestamp: headerValue(headers, sandboxHeaders.timestamp),
    now: new Date(),
    stringToSign: (timestamp) =>
      requestStringToSign({ method, path, merchantId: context.merchantId, timestamp, idempotencyKey: headerValue(headers, sandboxHeaders.idempotencyKey), body }),
  });
  if (problem === 'stale_timestamp') return apiError('stale_timestamp', 'Timestamp is more than 5 minutes off');
  if (problem) return apiError('unauthorized', `Request refused: ${problem}`);
  return undefined;
}

function withKeyAndBody<S extends TSchema>(key: string | undefined, text: string, schema: S, run: (key: string, input: Static<S>) => ApiAnswer): ApiAnswer {
  if (!key || !IDEMPOTENCY_KEY.test(key)) return apiError('invalid_request', 'Idempotency-Key header is required (1–255 visible ASCII characters)');
  const input = parseJson(text);
  if (!Value.Check(schema, input)) {
    const first = Value.Errors(schema, input)[0];
    return apiError('invalid_request', first ? `${first.instancePath || '/'} ${first.message}` : 'Body is not JSON');
  }
  return run(key, input);
}

function found(payment: StoredPayment | undefined): Outcome<StoredPayment> {
  return payment ? { ok: true, value: payment } : { ok: false, code: 'not_found', message: 'No such payment' };
}

function paymentAnswer(context: ApiContext, outcome: Outcome<StoredPayment>, status = 200): ApiAnswer {
  if (!outcome.ok) return apiError(outcome.code, outcome.message);
  const payment = outcome.value;
  const store = context.store;
  return {
    status,
    body: {
      id: payment.id,
      merchantOrderId: payment.merchantOrderId,
      amountFen: payment.amountFen,
      description: payment.description,
      status: store.statusOf(payment),
      payUrl: `${context.baseUrl()}/pay/${payment.id}`,
      expiresAt: payment.expiresAt.toISOString(),
      paidAt: payment.paidAt?.toISOString() ?? null,
      refundedFen: store.refundedFen(payment),
      createdAt: payment.createdAt.toISOString(),
    },
  };
}

function refundAnswer(context: ApiContext, outcome: Outcome<StoredRefund>, status = 200): ApiAnswer {
  if (!outcome.ok) return apiError(outcome.code, outcome.message);
  const refund = outcome.value;
  return {
    status,
    body: { id: refund.id, paymentId: refund.paymentId, amountFen: refund.amountFen, status: context.store.refundStatusOf(refund), createdAt: refund.createdAt.toISOString() },
  };
}
