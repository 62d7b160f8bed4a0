import { loadConfig } from '../../config/load-config.ts';
import { migrate } from '../../db/migrate.ts';
import { openDatabase } from '../../db/open-database.ts';
import { ensureDemoCatalogue } from '../../modules/catalogue/demo/ensure-demo-catalogue.ts';

/**
 * `besttrav catalogue:seed-demo`: adds the demo insurers and products where they are missing — what
 * the embedded demo does on start, for a PostgreSQL demo. Existing products are never changed.
 */
export async function catalogueSeedDemoCommand(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    const added = await ensureDemoCatalogue(database.db);
    console.log(added === 0 ? 'The demo catalogue is already there; nothing added.' : `Added ${added} demo products.`);
  } finally {
    await database.close();
  }
}
