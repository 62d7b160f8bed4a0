import { loadConfig } from '../../config/load-config.ts';
import { migrationStatus } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open-database.ts';

/** `besttrav config:check`: validate the configuration, reach the database, report the schema state. */
export async function configCheckCommand(): Promise<void> {
  const config = loadConfig();
  console.log('Configuration is valid.');
  console.log(`  listen:    ${config.server.host}:${config.server.port} (public address ${config.server.publicUrl})`);
  console.log(`  database:  ${config.database.url ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.database.dataDir}`}`);
  console.log(`  operator:  ${config.operator.companyName}, hotline ${config.operator.hotline}`);
  const database = await openDatabase(config.database);
  try {
    const status = await migrationStatus(database);
    console.log(`  schema:    ${status.applied} of ${status.expected} migrations applied${status.pending.length > 0 ? ` (pending: ${status.pending.join(', ')}; run \`besttrav migrate\`)` : ''}`);
  } finally {
    await database.close();
  }
}
