import type { Db, Tx } from './types.ts';

// PostgreSQL asks the client to retry these: the transaction lost a race, nothing is wrong with it.
const RETRYABLE_CODES = new Set(['40001', '40P01']);

export interface TransactionOptions {
  isolationLevel?: 'read committed' | 'repeatable read' | 'serializable';
  /** How many times to run the work again after a serialization failure or deadlock. */
  retries?: number;
}

/**
 * Runs `work` in one transaction: commit when it returns, roll back when it throws. Serialization
 * failures and deadlocks are retried with a short randomised pause, so `work` must be safe to repeat
 * (no side effects outside the database before it commits).
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await db.transaction(work, options.isolationLevel ? { isolationLevel: options.isolationLevel } : undefined);
    } catch (error) {
      if (attempt >= retries || !isRetryable(error)) throw error;
      await pause(5 * 2 ** attempt + Math.random() * 10);
    }
  }
}

export function isRetryable(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
  }
  return false;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
