import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { readPersonalField } from '../../privacy/access/read-personal-field.ts';
import type { Keyring } from '../../privacy/crypto/keyring.ts';
import { activeCustomerId } from '../accounts/read-own-account.ts';
import { draftLocation, draftProductId, type DraftData } from './save-application-draft.ts';
import { applicationDrafts } from './schema.ts';

/** The signed-in customer's draft for one product, to offer when they come back to its purchase page. */
export async function getApplicationDraft(ctx: Ctx, deps: { db: Db; keyring: Keyring }, input: { productCode: string }): Promise<{ data: DraftData; updatedAt: Date }> {
  const customerId = await activeCustomerId(ctx, deps.db);
  const productId = await draftProductId(deps.db, input.productCode);
  const [draft] = await deps.db
    .select({ id: applicationDrafts.id, dataEnc: applicationDrafts.dataEnc, updatedAt: applicationDrafts.updatedAt })
    .from(applicationDrafts)
    .where(and(eq(applicationDrafts.customerId, customerId), eq(applicationDrafts.productId, productId)));
  if (!draft) throw new AppError('not_found', 'No application draft for this product');
  const clear = await readPersonalField(ctx, deps, draftLocation(draft.id), draft.dataEnc);
  return { data: JSON.parse(clear) as DraftData, updatedAt: draft.updatedAt };
}
