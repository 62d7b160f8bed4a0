import { eq, sql } from 'drizzle-orm';
import { inTransaction } from '../../../db/transaction.ts';
import type { Db, DbOrTx, Tx } from '../../../db/types.ts';
import { AppError } from '../../../errors/app-error.ts';
import type { Language } from '../../../errors/error-codes.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { recordAudit } from '../../../privacy/audit/record-audit.ts';
import { orders } from '../../orders/schema.ts';
import { authorizeStaff } from '../../staff/policies.ts';
import { currentDocuments, loadCatalogue, type CatalogueProduct } from '../load-catalogue.ts';
import { productReadinessProblems } from '../product-readiness.ts';
import { catalogueChanged } from '../published-catalogue.ts';
import { products } from '../schema.ts';

/** The product an edit works on, locked for the edit's transaction. */
export interface EditTarget {
  product: CatalogueProduct;
  /** An order exists for it: what it covers and on which conditions is what was sold, and stays. */
  isSold: boolean;
  staffId: string;
}

/** What an edit did: the fields it changed (none: nothing to record) and what it answers. */
export interface EditOutcome<T> {
  fields: string[];
  result: T;
}

/**
 * The frame of every console edit of a product (R-POL-1): the staff member may edit the catalogue;
 * one transaction holds the product's row lock, so two edits of one product (or an edit and a
 * publish) never interleave, and an order being inserted for it waits (its foreign key needs a key
 * share lock the row lock excludes) — the "sold" answer cannot change under the edit; 确认投保
 * share-locks the product before reading it, so an order and an edit take turns. A product on
 * sale must stay sellable: the readiness checks run again on the edited product, and an edit that
 * would leave problems is refused, so no product is ever published-but-unpublishable. The audit
 * entry (`products/<id>`, the fields changed) commits with the change; the site's cached catalogue
 * is dropped only after the commit (`catalogueChanged`).
 */
export async function editProduct<T>(ctx: Ctx, db: Db, product: { code: string; language: Language }, work: (tx: Tx, target: EditTarget) => Promise<EditOutcome<T>>): Promise<T> {
  const { code, language } = product;
  const staff = authorizeStaff(ctx.actor, 'catalogue.edit');
  let changed = false;
  const result = await inTransaction(db, async (tx) => {
    const target = await lockProduct(tx, code, staff.id);
    const outcome = await work(tx, target);
    changed = outcome.fields.length > 0;
    if (!changed) return outcome.result;
    await tx.update(products).set({ updatedAt: sql`now()` }).where(eq(products.id, target.product.id));
    if (target.product.status === 'published') await requireSellable(tx, code, language);
    await recordAudit(tx, ctx, { action: 'update', record: `products/${target.product.id}`, fields: outcome.fields });
    return outcome.result;
  });
  if (changed) catalogueChanged();
  return result;
}

async function lockProduct(tx: Tx, code: string, staffId: string): Promise<EditTarget> {
  const [locked] = await tx.select({ id: products.id }).from(products).where(eq(products.code, code)).for('update');
  const [product] = locked ? await loadCatalogue(tx, { publishedOnly: false, code }) : [];
  if (!product) throw new AppError('not_found', 'No product with this code');
  return { product, isSold: await hasBeenSold(tx, product.id), staffId };
}

/** Whether any order was ever written for the product, whatever became of it since. */
export async function hasBeenSold(db: DbOrTx, productId: string): Promise<boolean> {
  const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.productId, productId)).limit(1);
  return row !== undefined;
}

async function requireSellable(tx: Tx, code: string, language: Language): Promise<void> {
  const [edited] = await loadCatalogue(tx, { publishedOnly: false, code });
  if (!edited) return;
  const problems = productReadinessProblems(edited, await currentDocuments(tx, edited.id), language);
  if (problems.length > 0) throw new AppError('product_edit_unpublishable', `Edit of published ${code} refused: ${problems.length} problems`, { params: { count: problems.length }, errors: problems });
}
