import { loadConfig } from '../../config/load-config.ts';
import { migrate, migrationStatus } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open-database.ts';

/** `besttrav migrate`: apply pending migrations and say what was done. */
export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const applied = await migrate(database);
    const status = await migrationStatus(database);
    for (const tag of applied) console.log(`  ✓ applied ${tag}`);
    console.log(`Database (${database.kind}) is at migration ${status.applied} of ${status.expected}${applied.length === 0 ? '; nothing to apply' : ''}.`);
  } finally {
    await database.close();
  }
}
