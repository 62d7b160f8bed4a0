import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import { newId } from '../../shared/ids.ts';
import type { SaleStepKind } from '../../shared/orders.ts';
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

export interface NewStep {
  kind: SaleStepKind;
  action: 'shown' | 'confirmed';
  documentId?: string | null;
  contentHash?: string | null;
  statement?: string | null;
  viewedMs?: number | null;
}

/** Appends one step to a sale locked by `lockOwnedSale` in the same transaction. */
export async function appendSaleStep(tx: DbOrTx, saleId: string, step: NewStep): Promise<SaleStepRow> {
  const [next] = await tx.select({ seq: sql<number>`coalesce(max(${saleSteps.seq}), 0) + 1` }).from(saleSteps).where(eq(saleSteps.saleId, saleId));
  const [row] = await tx
    .insert(saleSteps)
    .values({ id: newId('stp'), saleId, seq: Number(next?.seq ?? 1), ...step })
    .returning();
  return row as SaleStepRow;
}

/** The latest step of this kind and action in the sale, if any. */
export async function latestStep(tx: DbOrTx, saleId: string, kind: SaleStepKind, action: 'shown' | 'confirmed'): Promise<SaleStepRow | undefined> {
  const [row] = await tx
    .select()
    .from(saleSteps)
    .where(and(eq(saleSteps.saleId, saleId), eq(saleSteps.kind, kind), eq(saleSteps.action, action)))
    .orderBy(sql`${saleSteps.seq} desc`)
    .limit(1);
  return row;
}
