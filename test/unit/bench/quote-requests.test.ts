import { describe, expect, it } from 'vitest';
import { randomQuoteRequest } from '../../../bench/scenarios/quote-requests.ts';
import { demoProducts } from '../../../src/modules/catalogue/demo/products.ts';
import { quote } from '../../../src/modules/catalogue/rating/quote.ts';

/** A small seeded generator (mulberry32), so a failure names an input that can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('bench quote requests', () => {
  it('are all priced by the demo catalogue, and cover every published product', () => {
    const random = seeded(7);
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i += 1) {
      const request = randomQuoteRequest(random);
      const product = demoProducts.find((candidate) => candidate.code === request.product);
      if (!product) throw new Error(`unknown product ${request.product}`);
      const rated = { ...product, maxTripDays: product.maxTripDays ?? null, maxInsured: product.maxInsured ?? 50, rating: { version: 1, hash: 'h', table: product.rating } };
      expect(() => quote(rated, { code: request.plan }, request), JSON.stringify(request)).not.toThrow();
      seen.add(request.product);
    }
    expect([...seen].sort()).toEqual(demoProducts.filter((product) => product.status === 'published').map((product) => product.code).sort());
  });
});
