import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerApi, apiError, type ApiContext } from './api-routes.ts';
import { readBody, redirect, sendHtml, sendJson } from './http-io.ts';
import { DEFAULT_CALLBACK_RETRY_DELAYS_MS, Notifier } from './notifier.ts';
import { renderPayPage } from './pay-page.ts';
import { SandboxStore } from './sandbox-store.ts';

export interface PaymentSandboxOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  merchantId: string;
  /** Shared with the merchant: signs its requests and our notifications. */
  secret: string;
  /** Added before every API answer (never the pay page). */
  latencyMs?: number;
  /** Share of API calls, 0–1, answered 503 (never the pay page). */
  failureRate?: number;
  /** Pauses before each notification retry; the default spreads them over about half a day. */
  callbackRetryDelaysMs?: readonly number[];
  /** How long a refund stays `pending` before it is paid out (default 0: at once). */
  refundSettleMs?: number;
  /** The address browsers and the merchant use, when not http://host:port (a container, a proxy). */
  publicUrl?: string;
  /** For tests of the failure knob: the source of chance, 0 ≤ x < 1. */
  random?: () => number;
  log?: (line: string) => void;
}

export interface PaymentSandbox {
  url: string;
  close(): Promise<void>;
}

/** Starts the payment sandbox: the signed API under /v1 and the hosted pay page under /pay. */
export async function startPaymentSandbox(options: PaymentSandboxOptions): Promise<PaymentSandbox> {
  const failureRate = options.failureRate ?? 0;
  const latencyMs = options.latencyMs ?? 0;
  if (!(failureRate >= 0 && failureRate <= 1)) throw new RangeError('failureRate must be between 0 and 1');
  if (!(latencyMs >= 0)) throw new RangeError('latencyMs must not be negative');
  if (!((options.refundSettleMs ?? 0) >= 0)) throw new RangeError('refundSettleMs must not be negative');
  if (!options.secret) throw new RangeError('secret must not be empty');

  const log = options.log ?? (() => undefined);
  const notifier = new Notifier({ merchantId: options.merchantId, secret: options.secret, retryDelaysMs: options.callbackRetryDelaysMs ?? DEFAULT_CALLBACK_RETRY_DELAYS_MS, log });
  let url = '';
  const sandbox: Sandbox = {
    api: { store: new SandboxStore(undefined, options.refundSettleMs ?? 0), merchantId: options.merchantId, secret: options.secret, baseUrl: () => url },
    notifier,
    latencyMs,
    failureRate,
    random: options.random ?? Math.random,
  };
  const server = createServer((request, response) => {
    handle(sandbox, request, response).catch((error: unknown) => {
      log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'internal', message: 'Sandbox error' } });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  url = (options.publicUrl ?? `http://${urlHost(options.host)}:${(server.address() as AddressInfo).port}`).replace(/\/+$/, '');
  return {
    url,
    close: async () => {
      notifier.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Sandbox {
  api: ApiContext;
  notifier: Notifier;
  latencyMs: number;
  failureRate: number;
  random: () => number;
}

async function handle(sandbox: Sandbox, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
  if (path.startsWith('/v1/')) return handleApi(sandbox, request, response);
  if (path === '/healthz' && request.method === 'GET') return sendJson(response, 200, { ok: true });
  const [, id, action] = /^\/pay\/([A-Za-z0-9_-]+)(?:\/(pay|cancel))?$/.exec(path) ?? [];
  if (id && !action && request.method === 'GET') return showPayPage(sandbox, response, id, 200);
  if (id && action && request.method === 'POST') return payOrCancel(sandbox, request, response, id, action);
  sendJson(response, 404, { error: { code: 'not_found', message: 'No such page' } });
}

/**
 * The knobs act here. A failing call fails either before it is carried out or after, with its answer
 * lost — as a timeout does in real life — so only a retry with the same Idempotency-Key is safe.
 */
async function handleApi(sandbox: Sandbox, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  if (sandbox.latencyMs > 0) await sleep(sandbox.latencyMs);
  const fails = sandbox.random() < sandbox.failureRate;
  const losesAnswer = fails && sandbox.random() < 0.5;
  if (fails && !losesAnswer) return send(response, apiError('unavailable', 'Sandbox failure (failureRate)'));
  const answer = body === undefined ? apiError('payload_too_large', 'Body over 64 KiB') : answerApi(sandbox.api, request, body);
  send(response, losesAnswer ? apiError('unavailable', 'Sandbox failure after processing (failureRate)') : answer);
}

function send(response: ServerResponse, answer: { status: number; body: unknown }): void {
  sendJson(response, answer.status, answer.body);
}

function showPayPage(sandbox: Sandbox, response: ServerResponse, id: string, status: number): void {
  const store = sandbox.api.store;
  const payment = store.find(id);
  if (!payment) return sendJson(response, 404, { error: { code: 'not_found', message: 'No such payment' } });
  const html = renderPayPage({ merchantId: sandbox.api.merchantId, payment, status: store.statusOf(payment), refusal: status !== 200 });
  sendHtml(response, status, html, new URL(payment.returnUrl).origin);
}

/** Paying sends the notification and returns the payer to the merchant, who learns the outcome from the notification or a query, never from the redirect. */
async function payOrCancel(sandbox: Sandbox, request: IncomingMessage, response: ServerResponse, id: string, action: string): Promise<void> {
  await readBody(request);
  const store = sandbox.api.store;
  const payment = store.find(id);
  if (!payment) return sendJson(response, 404, { error: { code: 'not_found', message: 'No such payment' } });
  if (action === 'cancel') return redirect(response, payment.returnUrl);
  const paid = store.pay(id);
  if (!paid.ok) return showPayPage(sandbox, response, id, 409);
  if (paid.value.isNew) sandbox.notifier.notifyPaid(paid.value.payment);
  redirect(response, payment.returnUrl);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
