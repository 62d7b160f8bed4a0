import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/types.ts';
import type { Ctx } from '../../privacy/access/context.ts';
import { activeCustomerId } from '../accounts/read-own-account.ts';
import { products } from '../catalogue/schema.ts';
import { applicationDrafts } from './schema.ts';

export interface DraftSummary {
  productCode: string;
  productNameZh: string;
  productNameEn: string;
  updatedAt: Date;
}

/** 我的保险 → 草稿: which products the customer has an unsent application for, newest first — nothing of its content. */
export async function listApplicationDrafts(ctx: Ctx, db: Db): Promise<DraftSummary[]> {
  const customerId = await activeCustomerId(ctx, db);
  return db
    .select({ productCode: products.code, productNameZh: products.nameZh, productNameEn: products.nameEn, updatedAt: applicationDrafts.updatedAt })
    .from(applicationDrafts)
    .innerJoin(products, eq(products.id, applicationDrafts.productId))
    .where(eq(applicationDrafts.customerId, customerId))
    .orderBy(desc(applicationDrafts.updatedAt));
}
