import type { Db } from '../../db/types.ts';
import { loadCatalogue, type CatalogueProduct } from './load-catalogue.ts';

/**
 * How long a copy may serve before it is read again. Publishing, taking off sale, edits and imports in
 * this process drop the copy at once (`catalogueChanged`); this bound is for changes made by
 * another server process on the same PostgreSQL. A time bound rather than a per-request check (a
 * "generation" read): any query per request costs a database round trip, which alone holds a
 * request to the `select 1` baseline — under half of what a quote may cost (issue 7) — and the
 * schema has no change counter to read. Nothing binding is priced from this copy: an order is
 * priced and checked inside its own transaction from the rating table in force then
 * (submit-application.ts reads the catalogue uncached), so a copy a few seconds old can only show
 * a product or a quote a few seconds longer than the database does.
 */
const MAX_AGE_MS = 5_000;

interface CachedCatalogue {
  products: Promise<CatalogueProduct[]>;
  loadedAt: number;
  generation: number;
}

// Per database handle: tests and tools open several databases in one process.
const cached = new WeakMap<Db, CachedCatalogue>();
let generation = 0;

/**
 * The published catalogue for the site's reads (list, product page, comparison, quotes), kept in
 * memory: it is small and changes only when staff publish or edit or an import adds products. Callers
 * must not change what they get: the same objects serve every request until the next change.
 * Pass the database handle, never a transaction: what a transaction must see exactly it reads
 * with `loadCatalogue`.
 */
export function publishedCatalogue(db: Db): Promise<CatalogueProduct[]> {
  const now = Date.now();
  const copy = cached.get(db);
  if (copy && copy.generation === generation && now - copy.loadedAt < MAX_AGE_MS) return copy.products;
  // One read for every request that finds no copy at the same time; a failed read is not kept.
  const products = loadCatalogue(db, { publishedOnly: true }).then(deepFreeze);
  const loading: CachedCatalogue = { products, loadedAt: now, generation };
  cached.set(db, loading);
  products.catch(() => {
    if (cached.get(db) === loading) cached.delete(db);
  });
  return products;
}

/** One published product by code, from the cached catalogue; undefined when it is not on sale. */
export async function publishedProduct(db: Db, code: string): Promise<CatalogueProduct | undefined> {
  return (await publishedCatalogue(db)).find((product) => product.code === code);
}

/**
 * Drops every cached copy: call after a change to products, plans, documents or rating tables has
 * committed. Called before the commit, a request in between could keep the old catalogue again.
 */
export function catalogueChanged(): void {
  generation += 1;
}

/** Shared between requests, so a caller that changed a product would change it for everyone: refused. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
