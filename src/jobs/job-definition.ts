import type { Database } from '../db/types.ts';
import type { EmailProvider } from '../integrations/email/email-provider.ts';
import type { PurchaseIntegrations } from '../integrations/purchase-integrations.ts';
import type { SmsProvider } from '../integrations/sms/sms-provider.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { Keyring } from '../privacy/crypto/keyring.ts';

/** How jobs reach people (marketing messages): the configured providers and the site's public address. */
export interface OutboundServices {
  sms: SmsProvider;
  email: EmailProvider;
  publicUrl: string;
}

export interface JobDeps {
  database: Database;
  logger: Logger;
  keyring: Keyring;
  /** Null in processes started without them (tests of other jobs): jobs that send refuse to run. */
  outbound: OutboundServices | null;
  /** Payment provider and insurers; null in processes started without them (jobs that need them refuse to run). */
  purchase: PurchaseIntegrations | null;
  /** Queue another job (issuance after a payment, a refund after a decline). */
  enqueue(name: string, data: Record<string, unknown>, options?: { singletonKey?: string; singletonSeconds?: number }): Promise<string | null>;
}

export interface WorkerOptions {
  /** Jobs fetched at once and run side by side, each completed or failed on its own. */
  batchSize?: number;
  /** How often an idle worker looks for jobs queued by other processes (this process's own sends wake it at once). */
  pollingIntervalSeconds?: number;
}

/**
 * A kind of background work. Handlers must be idempotent: pg-boss delivers at least once, and a job
 * that was running when a process stopped is retried.
 */
export interface JobDefinition {
  /** Queue name, `<domain>.<verb-noun>` — e.g. `tasks.prune-finished`. */
  name: string;
  /** Cron expression in Asia/Shanghai time, for work that runs on a schedule. */
  schedule?: string;
  retryLimit?: number;
  /** How this process's worker takes jobs of the queue; pg-boss's defaults (one job, every 2 s) when absent. */
  worker?: WorkerOptions;
  handler(data: Record<string, unknown>, deps: JobDeps): Promise<void>;
}
