import { describe, expect, it } from 'vitest';
import { randomApplication, tripProducts } from '../../../bench/scenarios/applications.ts';
import { validateApplication } from '../../../src/shared/application-validation.ts';
import type { ApplicationRules } from '../../../src/shared/application.ts';

describe('bench applications', () => {
  it('pass the shared application check of their product, two insured persons each', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i += 1) {
      const { productCode, application, quote } = randomApplication();
      const product = tripProducts.find((candidate) => candidate.code === productCode);
      if (!product) throw new Error(`not a trip product: ${productCode}`);
      const rules: ApplicationRules = { ...product, maxInsured: product.maxInsured ?? 50, allowsInstitution: true, healthQuestionIds: [] };
      const result = validateApplication(application, rules, { language: 'en' });
      expect(result.problems, JSON.stringify(result.problems)).toEqual([]);
      expect(application.insured).toHaveLength(2);
      expect(quote.ages).toHaveLength(2);
      seen.add(productCode);
    }
    expect(seen.size).toBe(tripProducts.length);
  });
});
