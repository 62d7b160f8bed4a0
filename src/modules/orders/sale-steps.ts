import { and, eq, inArray, sql } from 'drizzle-orm';
import { compiledQuery, placeholders } from '../../db/compiled-query.ts';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { newId } from '../../shared/ids.ts';
import type { SaleStepKind } from '../../shared/orders.ts';
import { products } from '../catalogue/schema.ts';
import { isOwnedBy, type SaleOwner } from './sale-owner.ts';
import { sales, saleSteps } from './schema.ts';

export type SaleRow = typeof sales.$inferSelect;
export type SaleStepRow = typeof saleSteps.$inferSelect;

/**
 * The sale, locked for this transaction so its steps are numbered one after another; a sale of
 * somebody else answers "not found", like one that does not exist.
 */
export async function lockOwnedSale(tx: DbOrTx, saleId: string, owner: SaleOwner): Promise<SaleRow> {
  const [sale] = await tx.select().from(sales).where(eq(sales.id, saleId)).for('update');
  if (!sale || !isOwnedBy(sale, owner)) throw new AppError('sale_not_found', 'No sale with this id for this session');
  return sale;
}

/**
 * `lockOwnedSale` with the code of its product, as long as that product is still on sale: one round
 * trip for what every step of the sale checks first.
 */
export async function lockOwnedSaleOnSale(tx: DbOrTx, saleId: string, owner: SaleOwner): Promise<SaleRow & { productCode: string }> {
  const [row] = await lockSaleWithProduct(tx, { saleId });
  if (!row || !isOwnedBy(row.sale, owner)) throw new AppError('sale_not_found', 'No sale with this id for this session');
  if (row.productStatus !== 'published') throw new AppError('not_found', 'The product of this sale is no longer on sale');
  return { ...row.sale, productCode: row.productCode };
}

// The statements below run on every step of every sale: built once (compiled-query.ts).
const lockSaleWithProduct = compiledQuery((db) =>
  db
    .select({ sale: sales, productCode: products.code, productStatus: products.status })
    .from(sales)
    .innerJoin(products, eq(products.id, sales.productId))
    .where(eq(sales.id, sql.placeholder('saleId')))
    .for('update', { of: sales }),
);

const insertStep = compiledQuery((db) =>
  db
    .insert(saleSteps)
    .values({
      ...placeholders('id', 'saleId', 'kind', 'action', 'documentId', 'contentHash', 'statement', 'viewedMs'),
      seq: sql<number>`(select coalesce(max(${saleSteps.seq}), 0) + 1 from ${saleSteps} where ${saleSteps.saleId} = ${sql.placeholder('saleId')})`,
    })
    .returning(),
);

const latestStepOf = compiledQuery((db) =>
  db
    .select()
    .from(saleSteps)
    .where(and(eq(saleSteps.saleId, sql.placeholder('saleId')), eq(saleSteps.kind, sql.placeholder('kind')), eq(saleSteps.action, sql.placeholder('action'))))
    .orderBy(sql`${saleSteps.seq} desc`)
    .limit(1),
);

export interface NewStep {
  kind: SaleStepKind;
  action: 'shown' | 'confirmed';
  documentId?: string | null;
  contentHash?: string | null;
  statement?: string | null;
  viewedMs?: number | null;
}

/**
 * Appends one step to a sale locked by `lockOwnedSale` in the same transaction (or made in it),
 * numbered after the last one by the insert itself.
 */
export async function appendSaleStep(tx: DbOrTx, saleId: string, step: NewStep): Promise<SaleStepRow> {
  const [row] = await insertStep(tx, {
    id: newId('stp'),
    saleId,
    kind: step.kind,
    action: step.action,
    documentId: step.documentId ?? null,
    contentHash: step.contentHash ?? null,
    statement: step.statement ?? null,
    viewedMs: step.viewedMs ?? null,
  });
  return row as SaleStepRow;
}

/** The latest step of this kind and action in the sale, if any. */
export async function latestStep(tx: DbOrTx, saleId: string, kind: SaleStepKind, action: 'shown' | 'confirmed'): Promise<SaleStepRow | undefined> {
  const [row] = await latestStepOf(tx, { saleId, kind, action });
  return row;
}

/** The content hash of the latest confirmation of each of these kinds in the sale (one query for all). */
export async function latestConfirmations(tx: DbOrTx, saleId: string, kinds: readonly SaleStepKind[]): Promise<Map<SaleStepKind, string | null>> {
  const rows = await tx
    .selectDistinctOn([saleSteps.kind], { kind: saleSteps.kind, contentHash: saleSteps.contentHash })
    .from(saleSteps)
    .where(and(eq(saleSteps.saleId, saleId), eq(saleSteps.action, 'confirmed'), inArray(saleSteps.kind, [...kinds])))
    .orderBy(saleSteps.kind, sql`${saleSteps.seq} desc`);
  return new Map(rows.map((row) => [row.kind, row.contentHash]));
}
