import type { Config } from '../config/load-config.ts';
import type { Logger } from '../logging/create-logger.ts';
import { openPostgres } from './open-postgres.ts';
import type { Database } from './types.ts';

/**
 * PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite under DATA_DIR. PGlite is
 * loaded only when used: its module alone holds ~40 MB of the server's memory (measured).
 */
export async function openDatabase(config: Config['database'], logger?: Logger): Promise<Database> {
  if (config.url) return openPostgres(config.url, config, logger);
  const { openPglite } = await import('./open-pglite.ts');
  return openPglite(config.dataDir);
}
