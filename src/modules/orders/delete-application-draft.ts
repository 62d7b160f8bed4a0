import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { activeCustomerId } from '../accounts/read-own-account.ts';
import { draftProductId } from './save-application-draft.ts';
import { applicationDrafts } from './schema.ts';

/** The customer throws a draft away (or starts afresh): gone at once, not kept for 30 days. Deleting none is no error. */
export async function deleteApplicationDraft(ctx: Ctx, db: Db, input: { productCode: string }): Promise<void> {
  const customerId = await activeCustomerId(ctx, db);
  const productId = await draftProductId(db, input.productCode);
  await db.delete(applicationDrafts).where(and(eq(applicationDrafts.customerId, customerId), eq(applicationDrafts.productId, productId)));
}
