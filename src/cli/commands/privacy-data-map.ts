import { loadConfig } from '../../config/load-config.ts';
import { openDatabase } from '../../db/open-database.ts';
import { buildDataMapWithRecipients } from '../../privacy/catalogue/data-map.ts';

/** `besttrav privacy:data-map`: the record of processing activities as JSON, for the regulator or a DPIA. */
export async function privacyDataMapCommand(): Promise<void> {
  const database = await openDatabase(loadConfig().database);
  try {
    console.log(JSON.stringify({ generatedAt: new Date().toISOString(), categories: await buildDataMapWithRecipients(database.db) }, null, 2));
  } finally {
    await database.close();
  }
}
