import { loadConfig } from '../../config/load-config.ts';
import { createLogger } from '../../logging/create-logger.ts';
import { startServer } from '../../server.ts';
import { ensureWebBuild } from '../ensure-web-build.ts';

const SHUTDOWN_GRACE_MS = 15_000;

/** `besttrav start`: build the web app if needed, then serve until SIGTERM or SIGINT. */
export async function startCommand(options: { build: boolean }): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.log.level);
  if (options.build) await ensureWebBuild();
  const server = await startServer(config, logger);
  console.log(`Besttrav is running at ${server.url}  (database: ${server.fastify.services.database.kind}; API docs: ${server.url}/docs)`);
  if (server.paymentSandboxUrl) console.log(`Payment sandbox (no real money) at ${server.paymentSandboxUrl}`);
  const admin = server.demoAdministrator;
  if (admin) {
    console.log(`Demo console administrator created: ${server.url}/console  username ${admin.username}  password ${admin.password}`);
    console.log(`  (also saved in ${admin.file}; at first sign-in, scan the QR code with an authenticator app)`);
  }

  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck request or job must not keep a stopping process alive forever.
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
