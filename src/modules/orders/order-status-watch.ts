import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import type { OrderStatus } from '../../shared/orders.ts';
import { orders } from './schema.ts';

/**
 * How often the orders somebody waits on are read again, all in one query: for changes committed by
 * another server process (or by a path of this one that does not call `orderStatusChanged`). One
 * query per interval for every waiting page together, instead of one request per page per poll.
 */
const RECHECK_MS = 1_000;

interface Waiter {
  orderId: string;
  status: OrderStatus;
  wake(): void;
}

interface Watch {
  waiters: Set<Waiter>;
  timer: NodeJS.Timeout | null;
  /** A re-read slower than the interval (a loaded database) is not overlapped by the next. */
  isChecking: boolean;
}

// Per database handle: tests and tools open several databases in one process.
const watches = new WeakMap<Db, Watch>();

function watchOf(db: Db): Watch {
  let watch = watches.get(db);
  if (!watch) {
    watch = { waiters: new Set(), timer: null, isChecking: false };
    watches.set(db, watch);
  }
  return watch;
}

/**
 * Resolves once the order's status is no longer `status` — woken at once when this process commits
 * a change (`orderStatusChanged`), else found by the shared re-read — or after `timeoutMs`, or when
 * `signal` aborts (the page went away). The caller reads the order again either way: resolving says
 * only that it may have changed.
 */
export function waitWhileOrderStatus(db: Db, orderId: string, status: OrderStatus, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const watch = watchOf(db);
  return new Promise<void>((resolve) => {
    const waiter: Waiter = { orderId, status, wake: () => done() };
    const timeout = setTimeout(() => done(), timeoutMs);
    const done = () => {
      clearTimeout(timeout);
      signal?.removeEventListener('abort', done);
      watch.waiters.delete(waiter);
      if (watch.waiters.size === 0 && watch.timer) {
        clearInterval(watch.timer);
        watch.timer = null;
      }
      resolve();
    };
    if (signal?.aborted) return done();
    signal?.addEventListener('abort', done, { once: true });
    watch.waiters.add(waiter);
    watch.timer ??= setInterval(() => void recheck(db, watch), RECHECK_MS).unref();
  });
}

/** Wakes whoever waits on this order: call after a change of its status has committed. */
export function orderStatusChanged(db: Db, orderId: string): void {
  for (const waiter of watches.get(db)?.waiters ?? []) if (waiter.orderId === orderId) waiter.wake();
}

/** Wakes every waiter (the server is closing: their answers must not hold it up). */
export function wakeAllOrderWaiters(db: Db): void {
  for (const waiter of watches.get(db)?.waiters ?? []) waiter.wake();
}

async function recheck(db: Db, watch: Watch): Promise<void> {
  const waiting = [...watch.waiters];
  if (waiting.length === 0 || watch.isChecking) return;
  watch.isChecking = true;
  // A failed read wakes nobody: the waiters' own time-outs still answer them.
  const rows = await db
    .select({ id: orders.id, status: orders.status })
    .from(orders)
    .where(inArray(orders.id, [...new Set(waiting.map((waiter) => waiter.orderId))]))
    .catch(() => null)
    .finally(() => (watch.isChecking = false));
  if (!rows) return;
  const statusOf = new Map(rows.map((row) => [row.id, row.status]));
  for (const waiter of waiting) if (statusOf.get(waiter.orderId) !== waiter.status) waiter.wake();
}
