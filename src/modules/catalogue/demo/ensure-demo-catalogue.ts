import { inTransaction } from '../../../db/transaction.ts';
import type { Db } from '../../../db/types.ts';
import { importInsurer, importProduct } from '../import-product.ts';
import { demoInsurers } from './insurers.ts';
import { demoProducts } from './products.ts';

const SEEDED_BY = 'seed:demo-catalogue';

/**
 * The demo catalogue: three insurers and nine products, added on start when missing. Idempotent and
 * safe alongside a second process: an insurer or product whose code exists is left exactly as it is,
 * so staff changes (a product taken off sale) survive restarts. Returns how many products were added.
 */
export async function ensureDemoCatalogue(db: Db): Promise<number> {
  return inTransaction(db, async (tx) => {
    const insurerIds = new Map<string, string>();
    for (const insurer of demoInsurers) insurerIds.set(insurer.code, await importInsurer(tx, insurer));
    let added = 0;
    for (const product of demoProducts) {
      if (await importProduct(tx, product, insurerIds.get(product.insurer) as string, SEEDED_BY)) added += 1;
    }
    return added;
  });
}
