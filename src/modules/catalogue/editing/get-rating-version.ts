import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/types.ts';
import { AppError } from '../../../errors/app-error.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { authorizeStaff } from '../../staff/policies.ts';
import { staffMembers } from '../../staff/schema.ts';
import type { RatingRow } from '../load-catalogue.ts';
import { products, ratingTables } from '../schema.ts';

/**
 * One version of a product's rating table, in force or not, for the console's history: what a sale
 * recorded by its hash was priced with (可回溯), shown as the grid it was.
 */
export async function getRatingVersion(ctx: Ctx, db: DbOrTx, input: { code: string; version: number }): Promise<RatingRow & { createdByName: string | null }> {
  authorizeStaff(ctx.actor, 'catalogue.read');
  const [row] = await db
    .select({ rating: ratingTables, createdByName: staffMembers.displayName })
    .from(ratingTables)
    .innerJoin(products, eq(products.id, ratingTables.productId))
    .leftJoin(staffMembers, eq(staffMembers.id, ratingTables.createdBy))
    .where(and(eq(products.code, input.code), eq(ratingTables.version, input.version)));
  if (!row) throw new AppError('not_found', 'No such rating table version');
  return { ...row.rating, createdByName: row.createdByName };
}
