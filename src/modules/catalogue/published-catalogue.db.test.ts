import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { ensureDemoCatalogue } from './demo/ensure-demo-catalogue.ts';
import { catalogueChanged, publishedCatalogue, publishedProduct } from './published-catalogue.ts';
import { products } from './schema.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await ensureDemoCatalogue(database.db);
});
afterAll(async () => {
  await database.close();
});

describe('the published catalogue kept in memory', () => {
  it('R-POL-1 serves one copy until a change is announced, then reads the database again', async () => {
    const first = await publishedCatalogue(database.db);
    expect(first.map((product) => product.code)).toContain('asia-easy');
    expect(await publishedCatalogue(database.db)).toBe(first);

    // A change behind the cache's back (as another process would make it) is not seen at once…
    await database.db.update(products).set({ status: 'draft' }).where(eq(products.code, 'asia-easy'));
    expect(await publishedProduct(database.db, 'asia-easy')).toBeDefined();
    // …a change announced in this process is.
    catalogueChanged();
    expect(await publishedProduct(database.db, 'asia-easy')).toBeUndefined();
  });

  it('what it hands out cannot be changed by a caller, since every request shares it', async () => {
    const [product] = await publishedCatalogue(database.db);
    expect(() => {
      (product as { nameZh: string }).nameZh = '改过';
    }).toThrow(TypeError);
    expect(() => product?.plans.pop()).toThrow(TypeError);
  });
});
