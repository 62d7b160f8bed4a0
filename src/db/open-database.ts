import type { Config } from '../config/load-config.ts';
import type { Logger } from '../logging/create-logger.ts';
import { openPglite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';
import type { Database } from './types.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite under DATA_DIR. */
export async function openDatabase(config: Config['database'], logger?: Logger): Promise<Database> {
  if (config.url) return openPostgres(config.url, config, logger);
  return openPglite(config.dataDir);
}
