import { inArray, sql } from 'drizzle-orm';
import { inTransaction } from '../../../db/transaction.ts';
import type { Db } from '../../../db/types.ts';
import { importInsurer, importProduct } from '../import-product.ts';
import { catalogueChanged } from '../published-catalogue.ts';
import { products } from '../schema.ts';
import { demoInsurers } from './insurers.ts';
import { demoProducts } from './products.ts';

const SEEDED_BY = 'seed:demo-catalogue';
const demoCodes = demoProducts.map((product) => product.code);

/**
 * The demo catalogue: three insurers and nine products, added on start when missing. Idempotent and
 * safe alongside a second process: an insurer or product whose code exists is left exactly as it is,
 * so staff changes (a product taken off sale) survive restarts. Returns how many products were added.
 */
export async function ensureDemoCatalogue(db: Db): Promise<number> {
  // Every embedded start comes here: once the catalogue is there, one count is all it costs.
  const [present] = await db.select({ count: sql<number>`count(*)::int` }).from(products).where(inArray(products.code, demoCodes));
  if (present?.count === demoCodes.length) return 0;
  const added = await inTransaction(db, async (tx) => {
    const insurerIds = new Map<string, string>();
    for (const insurer of demoInsurers) insurerIds.set(insurer.code, await importInsurer(tx, insurer));
    let added = 0;
    for (const product of demoProducts) {
      if (await importProduct(tx, product, insurerIds.get(product.insurer) as string, SEEDED_BY)) added += 1;
    }
    return added;
  });
  catalogueChanged();
  return added;
}
