import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import app from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config/load-config.ts';
import type { Database } from '../../src/db/types.ts';
import { createFastify } from '../../src/http/create-fastify.ts';
import type { Jobs } from '../../src/jobs/start-jobs.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { createSmsProvider } from '../../src/integrations/sms/create-sms-provider.ts';
import type { SmsProvider } from '../../src/integrations/sms/sms-provider.ts';
import type { PurchaseIntegrations } from '../../src/integrations/purchase-integrations.ts';
import { ephemeralKeyring, type Keyring } from '../../src/privacy/crypto/keyring.ts';

/** Everything the process wrote to its log, one parsed JSON object per line, plus the raw text. */
export interface CapturedLog {
  lines: Array<Record<string, unknown>>;
  text(): string;
}

export function captureLog(): { stream: { write(line: string): void }; log: CapturedLog } {
  const raw: string[] = [];
  return {
    stream: { write: (line: string) => void raw.push(line) },
    log: {
      get lines() {
        return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
      },
      text: () => raw.join(''),
    },
  };
}

export interface TestAppOptions {
  database: Database;
  env?: Record<string, string>;
  jobs?: Jobs | null;
  webRoot?: string | null;
  keyring?: Keyring;
  sms?: SmsProvider;
  /** Payment provider and insurers (the simulators); none by default. */
  purchase?: PurchaseIntegrations | null;
  /** Routes a test adds before the app is ready (e.g. one that throws). */
  extend?: (fastify: FastifyInstance) => void | Promise<void>;
}

/** The real app on a test database, for `app.inject()` without a network. */
export async function buildTestApp(options: TestAppOptions): Promise<{ app: FastifyInstance; config: Config; log: CapturedLog }> {
  // No payment sandbox in test apps (a test passes `purchase` when it needs partners), so https configurations are valid.
  const config = loadConfig({ JOBS_ENABLED: 'false', LOG_LEVEL: 'info', PAYMENT_PROVIDER: 'none', ...options.env });
  const { stream, log } = captureLog();
  const fastify = createFastify(config, createLogger(config.log.level, stream));
  await fastify.register(app, {
    config,
    database: options.database,
    jobs: options.jobs ?? null,
    webRoot: options.webRoot ?? null,
    keyring: options.keyring ?? ephemeralKeyring(),
    sms: options.sms ?? createSmsProvider(config.sms),
    purchase: options.purchase ?? null,
  });
  if (options.extend) await options.extend(fastify);
  await fastify.ready();
  return { app: fastify, config, log };
}

/**
 * The usual lifecycle of a DB test file: a fresh test database and the app on it before the tests,
 * both closed after. `use` receives them (assign them to the file's variables).
 */
export function useTestApp(
  options: Omit<TestAppOptions, 'database'>,
  use: (built: { app: FastifyInstance; database: TestDatabase; log: CapturedLog; config: Config }) => void,
): void {
  let built: { app: FastifyInstance; database: TestDatabase } | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase();
    const result = await buildTestApp({ ...options, database });
    built = { app: result.app, database };
    use({ ...result, database });
  });
  afterAll(async () => {
    await built?.app.close();
    await built?.database.close();
  });
}
