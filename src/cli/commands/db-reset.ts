import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/load-config.ts';
import { migrate } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open-database.ts';
import { acquireDirectoryLock } from '../../db/directory-lock.ts';

/**
 * `besttrav db:reset --yes`: wipe the development database and migrate it afresh. Refused under
 * NODE_ENV=production: insurance records must outlive any developer convenience.
 */
export async function dbResetCommand(options: { yes?: boolean }): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('db:reset is refused when NODE_ENV=production.');
  if (!options.yes) {
    console.error('This deletes every record in the database. Run again with --yes to confirm.');
    process.exitCode = 1;
    return;
  }
  const config = loadConfig();
  if (config.database.url) {
    const database = await openDatabase(config.database);
    try {
      console.log('Dropping every table of the PostgreSQL database…');
      await database.exec('drop schema if exists pgboss cascade; drop schema public cascade; create schema public;');
    } finally {
      await database.close();
    }
  } else {
    const storage = path.join(config.database.dataDir, 'pglite');
    if (fs.existsSync(storage)) acquireDirectoryLock(storage).release(); // refuses while a server runs on it
    console.log(`Deleting the embedded database at ${storage}…`);
    fs.rmSync(storage, { recursive: true, force: true });
  }
  const database = await openDatabase(config.database);
  try {
    const applied = await migrate(database);
    console.log(`Database reset: ${applied.length} migration${applied.length === 1 ? '' : 's'} applied.`);
  } finally {
    await database.close();
  }
}
