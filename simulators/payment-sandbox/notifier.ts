import type { PaidNotificationBody } from '../../src/integrations/payment/sandbox-api.ts';
import { notificationStringToSign, sandboxHeaders, signSandbox, unixSeconds } from '../../src/integrations/payment/sandbox-signature.ts';
import { newId } from '../../src/shared/ids.ts';
import type { StoredPayment } from './sandbox-store.ts';

/** Like the big providers: soon at first, then ever longer, for about half a day in all. */
export const DEFAULT_CALLBACK_RETRY_DELAYS_MS = [15_000, 60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000, 6 * 60 * 60_000];

const NOTIFY_TIMEOUT_MS = 10_000;

export interface NotifierOptions {
  merchantId: string;
  secret: string;
  /** Pauses before each retry; after the last one the sandbox gives up on that notification. */
  retryDelaysMs: readonly number[];
  log: (line: string) => void;
}

/**
 * Sends the signed asynchronous notification until the merchant acknowledges it with a 2xx. Every
 * attempt carries the same notification id (so the merchant can tell a retry from a new event) and a
 * fresh timestamp and signature (so the merchant's freshness check holds on every retry).
 */
export class Notifier {
  readonly #options: NotifierOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #stopping = new AbortController();

  constructor(options: NotifierOptions) {
    this.#options = options;
  }

  notifyPaid(payment: StoredPayment): void {
    const now = new Date();
    const body: PaidNotificationBody = {
      id: newId('sbxntf', now.getTime()),
      type: 'payment.paid',
      createdAt: now.toISOString(),
      payment: {
        id: payment.id,
        merchantOrderId: payment.merchantOrderId,
        amountFen: payment.amountFen,
        status: 'paid',
        paidAt: (payment.paidAt ?? now).toISOString(),
      },
    };
    void this.#attempt(payment.notifyUrl, body.id, JSON.stringify(body), 0);
  }

  stop(): void {
    this.#stopping.abort();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  async #attempt(notifyUrl: string, notificationId: string, body: string, attempt: number): Promise<void> {
    if (this.#stopping.signal.aborted) return;
    const status = await this.#post(notifyUrl, notificationId, body);
    const log = this.#options.log;
    if (status >= 200 && status < 300) {
      log(`notification ${notificationId} acknowledged (attempt ${attempt + 1})`);
      return;
    }
    const delay = this.#options.retryDelaysMs[attempt];
    if (delay === undefined || this.#stopping.signal.aborted) {
      log(`notification ${notificationId} not acknowledged after ${attempt + 1} attempts; giving up`);
      return;
    }
    log(`notification ${notificationId} answered ${status || 'nothing'} (attempt ${attempt + 1}); retrying in ${delay} ms`);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#attempt(notifyUrl, notificationId, body, attempt + 1);
    }, delay);
    // Pending retries must not keep a process alive that is otherwise done.
    timer.unref();
    this.#timers.add(timer);
  }

  /** The HTTP status, or 0 when there was no answer (refused, timed out, stopped). */
  async #post(notifyUrl: string, notificationId: string, body: string): Promise<number> {
    const { merchantId, secret } = this.#options;
    const timestamp = unixSeconds(new Date());
    const signature = signSandbox(secret, notificationStringToSign({ merchantId, notificationId, timestamp, body }));
    try {
      const response = await fetch(notifyUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [sandboxHeaders.timestamp]: String(timestamp),
          [sandboxHeaders.signature]: signature,
          [sandboxHeaders.notificationId]: notificationId,
        },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(NOTIFY_TIMEOUT_MS), this.#stopping.signal]),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return 0;
    }
  }
}
