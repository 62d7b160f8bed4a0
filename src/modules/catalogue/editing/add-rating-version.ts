import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/types.ts';
import { AppError } from '../../../errors/app-error.ts';
import type { Language } from '../../../errors/error-codes.ts';
import type { Ctx } from '../../../privacy/access/context.ts';
import { newId } from '../../../shared/ids.ts';
import { ratingHash } from '../content-hash.ts';
import { checkRatingTable } from '../rating/check-rating-table.ts';
import type { RatingTable } from '../rating/rating-table.ts';
import { ratingTables } from '../schema.ts';
import { editProduct } from './edit-product.ts';

/**
 * Writes a new version of a product's rating table (费率表, R-POL-3), at any time: orders keep the
 * version and hash they were priced with (a change of dates re-prices with the sale's own version),
 * so a new table only prices new quotes and sales. Every version is kept. A table is refused,
 * draft or not, when `checkRatingTable` finds any problem against the product's limits and plans as
 * they stand (catalogue_edit_invalid with a pointer per problem): an incomplete table has no use, and
 * refusing it always keeps "save" from quietly breaking a product's readiness. The same table as
 * the version in force writes nothing and answers that version.
 */
export async function addRatingVersion(ctx: Ctx, db: Db, input: { code: string; table: unknown; language: Language }): Promise<{ version: number; contentHash: string }> {
  return editProduct(ctx, db, input, async (tx, { product, staffId }) => {
    const problems = checkRatingTable(input.table, { ...product, planCodes: product.plans.map((plan) => plan.code) }, input.language);
    if (problems.length > 0) throw new AppError('catalogue_edit_invalid', `Rating table of ${product.code}: ${problems.length} problem(s)`, { params: { count: problems.length }, errors: problems });
    const table = input.table as RatingTable;
    const contentHash = ratingHash(table);
    const [latest] = await tx.select({ version: ratingTables.version, contentHash: ratingTables.contentHash }).from(ratingTables).where(eq(ratingTables.productId, product.id)).orderBy(desc(ratingTables.version)).limit(1);
    if (latest?.contentHash === contentHash) return { fields: [], result: latest };
    const version = (latest?.version ?? 0) + 1;
    await tx.insert(ratingTables).values({ id: newId('rtb'), productId: product.id, version, definition: table, contentHash, createdBy: staffId });
    return { fields: ['rating_tables'], result: { version, contentHash } };
  });
}
