import { eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Language } from '../../errors/error-codes.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { recordAudit } from '../../privacy/audit/record-audit.ts';
import type { ProductStatus } from '../../shared/catalogue/terms.ts';
import { authorizeStaff } from '../staff/policies.ts';
import { currentDocuments, loadCatalogue } from './load-catalogue.ts';
import { productReadinessProblems } from './product-readiness.ts';
import { catalogueChanged } from './published-catalogue.ts';
import { products } from './schema.ts';

/**
 * Puts a product on sale or takes it off (R-POL-1). Publishing refuses a product that is not ready
 * (product-readiness.ts) and lists why; taking it off sale always works and only hides it from the
 * site — policies already sold keep their documents and rating tables, which never change. Audited.
 */
export async function setProductStatus(ctx: Ctx, db: Db, input: { code: string; status: ProductStatus; language?: Language }): Promise<void> {
  authorizeStaff(ctx.actor, 'catalogue.publish');
  await inTransaction(db, async (tx) => {
    const [locked] = await tx.select({ id: products.id }).from(products).where(eq(products.code, input.code)).for('update');
    const [product] = locked ? await loadCatalogue(tx, { publishedOnly: false, code: input.code }) : [];
    if (!product) throw new AppError('not_found', 'No product with this code');
    if (product.status === input.status) return;
    if (input.status === 'published') {
      const problems = productReadinessProblems(product, await currentDocuments(tx, product.id), input.language);
      if (problems.length > 0) throw new AppError('product_not_publishable', `Product ${product.code} is not ready: ${problems.length} problems`, { errors: problems });
    }
    await tx
      .update(products)
      .set({ status: input.status, publishedAt: input.status === 'published' ? sql`now()` : product.publishedAt, updatedAt: sql`now()` })
      .where(eq(products.id, product.id));
    await recordAudit(tx, ctx, { action: 'update', record: `products/${product.id}`, fields: ['status'] });
  });
  catalogueChanged();
}
