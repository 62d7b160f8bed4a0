import type { Config } from '../config/load-config.ts';
import type { Database } from '../db/types.ts';
import type { PurchaseIntegrations } from '../integrations/purchase-integrations.ts';
import type { SmsProvider } from '../integrations/sms/sms-provider.ts';
import type { Jobs } from '../jobs/start-jobs.ts';
import type { Keyring } from '../privacy/crypto/keyring.ts';

/** What the HTTP layer is given to work with; routes reach use cases and infrastructure through it. */
export interface AppServices {
  config: Config;
  database: Database;
  /** Absent in processes (and tests) that run without the job system. */
  jobs: Jobs | null;
  /** Folder of the built web app, or null to serve the API only. */
  webRoot: string | null;
  keyring: Keyring;
  sms: SmsProvider;
  /** Payment provider and insurers; null where a process (or test) runs without them. */
  purchase: PurchaseIntegrations | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}
