import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import app from './app.ts';
import type { Config } from './config/load-config.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open-database.ts';
import type { Database } from './db/types.ts';
import { createFastify } from './http/create-fastify.ts';
import { hasWebBuild } from './http/plugins/web-app.ts';
import { jobDefinitions } from './jobs/registry.ts';
import { startJobs, type Jobs } from './jobs/start-jobs.ts';
import type { Logger } from './logging/create-logger.ts';
import { createSmsProvider } from './integrations/sms/create-sms-provider.ts';
import { createEmailProvider } from './integrations/email/create-email-provider.ts';
import { createPurchaseIntegrations, type StartedPurchaseIntegrations } from './integrations/create-purchase-integrations.ts';
import { ensureDemoInsurerRecipients } from './integrations/ensure-demo-insurer-recipients.ts';
import { keyringFromConfig } from './privacy/crypto/keyring.ts';
import { ensureDemoAdministrator } from './modules/staff/ensure-demo-administrator.ts';
import { ensureDemoCatalogue } from './modules/catalogue/demo/ensure-demo-catalogue.ts';
import { ensurePublishedDocuments } from './privacy/notices/ensure-published-documents.ts';

export const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

export interface RunningServer {
  url: string;
  /** Embedded demo only: the console administrator created on the first start. */
  demoAdministrator: { username: string; password: string; file: string } | null;
  /** Demo mode: the payment sandbox started with the server (its pay pages are shown to payers). */
  paymentSandboxUrl: string | null;
  fastify: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Opens the database, brings its schema up to date, starts the job system and listens. Each step
 * that fails throws an AppError; the CLI turns it into a readable message and exit code 1.
 */
export async function startServer(config: Config, logger: Logger, webRoot: string = defaultWebRoot): Promise<RunningServer> {
  const database = await openDatabase(config.database, logger);
  let jobs: Jobs | null = null;
  let purchase: StartedPurchaseIntegrations | null = null;
  try {
    await migrate(database, { logger });
    // Version 1 of the privacy policy, user agreement and cookie policy, from the shipped texts, the first time.
    const documents = await ensurePublishedDocuments(database.db);
    if (documents.missing.length > 0) logger.warn({ documents: documents.missing }, 'no shipped text for these policy documents: draft and publish them in the console');
    const demoAdministrator = config.database.url ? null : await ensureDemoAdministrator(database.db, config.database.dataDir);
    // Embedded demo: three insurers and nine products to browse and quote (R-POL-1), added when missing.
    // …and their insurers in the disclosure registry, so an application may go to them (R-SHR-1).
    if (!config.database.url) {
      await ensureDemoCatalogue(database.db);
      await ensureDemoInsurerRecipients(database.db);
    }
    const keyring = keyringFromConfig(config, (file) =>
      logger.warn({ file }, 'created a new keyring file: back it up apart from the database; production should keep keys in a KMS'),
    );
    const sms = createSmsProvider(config.sms);
    const outbound = { sms, email: createEmailProvider(config.database.dataDir), publicUrl: config.server.publicUrl };
    purchase = await createPurchaseIntegrations(config, logger);
    jobs = await startJobs({ database, logger, keyring, outbound, purchase, definitions: jobDefinitions, runWorkers: config.jobs.enabled });
    const fastify = createFastify(config, logger);
    const servesWeb = hasWebBuild(webRoot);
    if (!servesWeb) logger.warn({ webRoot }, 'no web build found: serving the API only (run `npm run build`)');
    // A rotation run elsewhere adds a key version to the file: pick it up for new ciphertexts.
    const keyRefresh = setInterval(() => keyring.refresh(), 60_000);
    keyRefresh.unref();
    await fastify.register(app, { config, database, jobs, webRoot: servesWeb ? webRoot : null, keyring, sms, purchase });
    await fastify.listen({ port: config.server.port, host: config.server.host });
    const address = fastify.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.server.port;
    const url = `http://${config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host}:${port}`;
    // PORT=0 without PUBLIC_URL: notifications and the payer's return need the port actually taken.
    if (purchase && config.server.port === 0 && config.server.publicUrl.endsWith(':0')) purchase.publicUrl = url;
    const started = purchase;
    return { url, demoAdministrator, paymentSandboxUrl: purchase?.paymentSandboxUrl ?? null, fastify, close: () => shutdown(fastify, jobs, started, database, logger) };
  } catch (error) {
    await jobs?.stop().catch(() => undefined);
    await purchase?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Stop taking requests, let those in flight finish, stop the jobs and then the simulators they call, then close the database. */
async function shutdown(fastify: FastifyInstance, jobs: Jobs | null, purchase: StartedPurchaseIntegrations | null, database: Database, logger: Logger): Promise<void> {
  await fastify.close();
  await jobs?.stop();
  await purchase?.close();
  await database.close();
  logger.info('server stopped');
}
